import { Field, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { VersionedEntity } from '../database/versioned.entity.js';

@Entity('regions')
@ObjectType({ description: 'Région administrative du Québec (17, code officiel 01 à 17)' })
export class Region extends VersionedEntity {
  @PrimaryColumn({ type: 'varchar', length: 2 })
  @Field({ description: 'Code officiel à deux chiffres, ex. 13' })
  code!: string;

  @Column({ type: 'varchar', length: 100 })
  @Field({ description: 'Nom officiel, ex. Saguenay–Lac-Saint-Jean' })
  name!: string;

  @Column({ type: 'varchar', length: 8, nullable: true })
  directionCode!: string | null;
}

/** A `regions` row as raw SQL reads it (`REGION_COLUMNS`). */
export interface RegionRow {
  code: string;
  name: string;
  direction_code: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

/** The columns of `regions` as a RegionRow, for statements that read regions beside other figures (alias `r`). */
export const REGION_COLUMNS = 'r.code, r.name, r.direction_code, r.version, r.created_at, r.updated_at';

export function regionFromRow(row: RegionRow): Region {
  const { code, name, direction_code: directionCode, version, created_at: createdAt, updated_at: updatedAt } = row;
  return Object.assign(new Region(), { code, name, directionCode, version, createdAt, updatedAt });
}
