import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Ownership, SizeBand } from './company.enums.js';
import { VersionedEntity } from '../database/versioned.entity.js';

@Entity('companies')
@ObjectType({ description: 'Entreprise ou employeur accompagné, identifié par son NEQ quand il en a un' })
export class Company extends VersionedEntity {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id!: string;

  @Column({ type: 'varchar', length: 300 })
  @Field({ description: 'Nom légal' })
  legalName!: string;

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  @Field(() => [String], { description: 'Autres noms (noms d’emprunt, noms commerciaux)' })
  otherNames!: string[];

  @Column({ type: 'varchar', length: 10, nullable: true })
  @Field(() => String, { nullable: true, description: 'Numéro d’entreprise du Québec (10 chiffres)' })
  neq!: string | null;

  @Column({ type: 'varchar', length: 6, nullable: true })
  @Field(() => String, { nullable: true, description: 'Code SCIAN 2022 (2 à 6 chiffres)' })
  naicsCode!: string | null;

  @Column({ type: 'varchar', length: 6, nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'Code d’activité économique CAE du Registre des entreprises (distinct du SCIAN)',
  })
  caeCode!: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  @Field(() => SizeBand, { nullable: true })
  sizeBand!: SizeBand | null;

  @Column({ type: 'varchar', length: 12, nullable: true })
  @Field(() => Ownership, { nullable: true })
  ownership!: Ownership | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  @Field(() => String, { nullable: true })
  address!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  @Field(() => String, { nullable: true })
  municipality!: string | null;

  @Column({ type: 'varchar', length: 7, nullable: true })
  @Field(() => String, { nullable: true, description: 'Code postal (A1A 1A1)' })
  postalCode!: string | null;

  @Column({ type: 'varchar', length: 2 })
  @Field({ description: 'Code de la région de l’établissement' })
  regionCode!: string;

  /** Normalized name for duplicate detection (see companyNameKey). */
  @Column({ type: 'varchar', length: 300 })
  nameKey!: string;
}
