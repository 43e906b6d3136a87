import { ObjectType } from '@nestjs/graphql';
import { Entity } from 'typeorm';
import { UuidEntity } from '../database/versioned.entity.js';
import { ExposedColumn } from '../database/exposed-column.js';

@Entity('service_points')
@ObjectType({ description: 'Point de services (bureau de Services Québec) où des conseillères sont en poste' })
export class ServicePoint extends UuidEntity {
  @ExposedColumn({ type: 'varchar', length: 2 }, () => String, 'Code de la région du point de services')
  regionCode!: string;

  @ExposedColumn({ type: 'varchar', length: 200 }, () => String)
  name!: string;

  @ExposedColumn({ type: 'varchar', length: 300, nullable: true }, () => String)
  address!: string | null;

  @ExposedColumn({ type: 'varchar', length: 100, nullable: true }, () => String)
  municipality!: string | null;

  @ExposedColumn({ type: 'varchar', length: 7, nullable: true }, () => String)
  postalCode!: string | null;

  @ExposedColumn({ type: 'varchar', length: 40, nullable: true }, () => String, 'Téléphone du bureau (coordonnée professionnelle)')
  phone!: string | null;

  @ExposedColumn({ type: 'varchar', length: 254, nullable: true }, () => String, 'Courriel du bureau (coordonnée professionnelle)')
  email!: string | null;
}
