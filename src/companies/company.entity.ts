import { ObjectType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { Ownership, SizeBand } from './company.enums.js';
import { UuidEntity } from '../database/versioned.entity.js';
import { ExposedColumn } from '../database/exposed-column.js';

@Entity('companies')
@ObjectType({ description: 'Entreprise ou employeur accompagné, identifié par son NEQ quand il en a un' })
export class Company extends UuidEntity {
  @ExposedColumn({ type: 'varchar', length: 300 }, () => String, 'Nom légal')
  legalName!: string;

  @ExposedColumn({ type: 'text', array: true, default: () => `'{}'` }, () => [String], 'Autres noms (noms d’emprunt, noms commerciaux)')
  otherNames!: string[];

  @ExposedColumn({ type: 'varchar', length: 10, nullable: true }, () => String, 'Numéro d’entreprise du Québec (10 chiffres)')
  neq!: string | null;

  @ExposedColumn({ type: 'varchar', length: 6, nullable: true }, () => String, 'Code SCIAN 2022 (2 à 6 chiffres)')
  naicsCode!: string | null;

  @ExposedColumn(
    { type: 'varchar', length: 6, nullable: true },
    () => String,
    'Code d’activité économique CAE du Registre des entreprises (distinct du SCIAN)',
  )
  caeCode!: string | null;

  @ExposedColumn({ type: 'varchar', length: 20, nullable: true }, () => SizeBand)
  sizeBand!: SizeBand | null;

  @ExposedColumn({ type: 'varchar', length: 12, nullable: true }, () => Ownership)
  ownership!: Ownership | null;

  @ExposedColumn({ type: 'varchar', length: 300, nullable: true }, () => String)
  address!: string | null;

  @ExposedColumn({ type: 'varchar', length: 100, nullable: true }, () => String)
  municipality!: string | null;

  @ExposedColumn({ type: 'varchar', length: 7, nullable: true }, () => String, 'Code postal (A1A 1A1)')
  postalCode!: string | null;

  @ExposedColumn({ type: 'varchar', length: 2 }, () => String, 'Code de la région de l’établissement')
  regionCode!: string;

  /** Normalized name for duplicate detection (see companyNameKey). */
  @Column({ type: 'varchar', length: 300 })
  nameKey!: string;
}
