import { ObjectType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { Role } from '../auth/role.js';
import { UuidEntity } from '../database/versioned.entity.js';
import { ExposedColumn } from '../database/exposed-column.js';

@Entity('advisors')
@ObjectType({
  description: 'Utilisatrice ou utilisateur : conseillère ou conseiller en immigration régionale, gestionnaire, analyste ou administrateur',
})
export class Advisor extends UuidEntity {
  @ExposedColumn(
    { type: 'varchar', length: 254 },
    () => String,
    'Courriel professionnel (lettres ASCII en minuscules) ; la revendication `email` du jeton le désigne (avec OpenID ' +
      'Connect, à la première connexion seulement : ensuite, le sujet du fournisseur)',
  )
  email!: string;

  @ExposedColumn({ type: 'varchar', length: 200 }, () => String)
  fullName!: string;

  @ExposedColumn({ type: 'varchar', length: 16 }, () => Role)
  role!: Role;

  @Column({ type: 'varchar', length: 8, nullable: true })
  directionCode!: string | null;

  @Column({ type: 'uuid', nullable: true })
  servicePointId!: string | null;

  @ExposedColumn({ type: 'boolean', default: true }, () => Boolean, 'Un compte inactif ne peut plus s’authentifier')
  active!: boolean;

  /** The OpenID Connect provider's issuer and subject this advisor signs in as (linked at the first sign-in). */
  @Column({ type: 'varchar', length: 300, nullable: true, select: false })
  identityIssuer!: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true, select: false })
  identitySubject!: string | null;
}
