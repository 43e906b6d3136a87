import { ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { PreferredLanguage } from './company.enums.js';
import { UuidEntity } from '../database/versioned.entity.js';
import { ExposedColumn } from '../database/exposed-column.js';

@Entity('company_contacts')
@ObjectType({
  description:
    'Personne-ressource d’une entreprise. Renseignements personnels : visibles seulement dans vos régions',
})
export class CompanyContact extends UuidEntity {
  @ExposedColumn({ type: 'uuid' }, () => ID)
  companyId!: string;

  @ExposedColumn({ type: 'varchar', length: 100 }, () => String)
  firstName!: string;

  @ExposedColumn({ type: 'varchar', length: 100 }, () => String)
  lastName!: string;

  @ExposedColumn({ type: 'varchar', length: 150, nullable: true }, () => String, 'Fonction dans l’entreprise')
  title!: string | null;

  @ExposedColumn({ type: 'varchar', length: 254, nullable: true }, () => String)
  email!: string | null;

  @ExposedColumn({ type: 'varchar', length: 40, nullable: true }, () => String)
  phone!: string | null;

  @ExposedColumn({ type: 'varchar', length: 2, default: PreferredLanguage.FR }, () => PreferredLanguage)
  preferredLanguage!: PreferredLanguage;

  /** When retention replaced the personal information with neutral values (`npm run privacy:retention`). */
  @Column({ type: 'timestamptz', nullable: true })
  anonymizedAt!: Date | null;
}
