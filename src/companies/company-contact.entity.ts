import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { PreferredLanguage } from './company.enums.js';
import { VersionedEntity } from '../database/versioned.entity.js';

@Entity('company_contacts')
@ObjectType({
  description:
    'Personne-ressource d’une entreprise. Renseignements personnels : visibles seulement dans vos régions',
})
export class CompanyContact extends VersionedEntity {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id!: string;

  @Column({ type: 'uuid' })
  @Field(() => ID)
  companyId!: string;

  @Column({ type: 'varchar', length: 100 })
  @Field()
  firstName!: string;

  @Column({ type: 'varchar', length: 100 })
  @Field()
  lastName!: string;

  @Column({ type: 'varchar', length: 150, nullable: true })
  @Field(() => String, { nullable: true, description: 'Fonction dans l’entreprise' })
  title!: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  @Field(() => String, { nullable: true })
  email!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Column({ type: 'varchar', length: 2, default: PreferredLanguage.FR })
  @Field(() => PreferredLanguage)
  preferredLanguage!: PreferredLanguage;


  /** When retention replaced the personal information with neutral values (`npm run privacy:retention`). */
  @Column({ type: 'timestamptz', nullable: true })
  anonymizedAt!: Date | null;
}
