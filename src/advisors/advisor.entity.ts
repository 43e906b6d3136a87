import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from '../auth/role.js';
import { VersionedEntity } from '../database/versioned.entity.js';

@Entity('advisors')
@ObjectType({
  description: 'Utilisatrice ou utilisateur : conseillère ou conseiller en immigration régionale, gestionnaire, analyste ou administrateur',
})
export class Advisor extends VersionedEntity {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id!: string;

  @Column({ type: 'varchar', length: 254 })
  @Field({
    description:
      'Courriel professionnel (lettres ASCII en minuscules) ; la revendication `email` du jeton le désigne (avec OpenID ' +
      'Connect, à la première connexion seulement : ensuite, le sujet du fournisseur)',
  })
  email!: string;

  @Column({ type: 'varchar', length: 200 })
  @Field()
  fullName!: string;

  @Column({ type: 'varchar', length: 16 })
  @Field(() => Role)
  role!: Role;

  @Column({ type: 'varchar', length: 8, nullable: true })
  directionCode!: string | null;

  @Column({ type: 'uuid', nullable: true })
  servicePointId!: string | null;

  @Column({ type: 'boolean', default: true })
  @Field({ description: 'Un compte inactif ne peut plus s’authentifier' })
  active!: boolean;

  /** The OpenID Connect provider's issuer and subject this advisor signs in as (linked at the first sign-in). */
  @Column({ type: 'varchar', length: 300, nullable: true, select: false })
  identityIssuer!: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true, select: false })
  identitySubject!: string | null;
}
