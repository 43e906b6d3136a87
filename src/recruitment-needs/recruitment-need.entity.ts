import { Float, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { GraphQLDate } from '../graphql/date.scalar.js';
import { EmploymentType, FrenchLevel, RecruitmentChannel, RecruitmentNeedStatus } from './recruitment-need.enums.js';
import { UuidEntity } from '../database/versioned.entity.js';
import { ExposedColumn } from '../database/exposed-column.js';

/** numeric(8,2) comes back from PostgreSQL as a string; the API speaks numbers. */
const money = { to: (value: number | null) => value, from: (value: string | null) => (value === null ? null : Number(value)) };

@Entity('recruitment_needs')
@ObjectType({ description: 'Besoin de main-d’œuvre d’une entreprise : une profession (CNP 2021), des postes, une région' })
export class RecruitmentNeed extends UuidEntity {
  @Column({ type: 'uuid' })
  companyId!: string;

  @Column({ type: 'uuid', nullable: true })
  accompanimentId!: string | null;

  @ExposedColumn({ type: 'varchar', length: 5 }, () => String, 'Code CNP 2021 (5 chiffres)')
  nocCode!: string;

  @ExposedColumn(
    { type: 'smallint', insert: false, update: false },
    () => Int,
    'Grande catégorie professionnelle (1er chiffre de la CNP, 0 à 9)',
  )
  nocBroadCategory!: number;

  @ExposedColumn({ type: 'smallint', insert: false, update: false }, () => Int, 'Catégorie FEER / TEER (2e chiffre de la CNP, 0 à 5)')
  teer!: number;

  @ExposedColumn({ type: 'varchar', length: 200 }, () => String, 'Appellation d’emploi')
  title!: string;

  @ExposedColumn({ type: 'integer' }, () => Int, 'Postes à pourvoir (1 à 1000)')
  positions!: number;

  @ExposedColumn({ type: 'integer', default: 0 }, () => Int, 'Postes pourvus (0 à positions)')
  positionsFilled!: number;

  @ExposedColumn({ type: 'varchar', length: 2 }, () => String, 'Région de travail (code)')
  workRegionCode!: string;

  @ExposedColumn({ type: 'varchar', length: 10 }, () => EmploymentType)
  employmentType!: EmploymentType;

  @ExposedColumn(
    { type: 'numeric', precision: 8, scale: 2, nullable: true, transformer: money },
    () => Float,
    'Salaire horaire ($, deux décimales)',
  )
  hourlyWage!: number | null;

  @ExposedColumn({ type: 'varchar', length: 14, default: FrenchLevel.NOT_REQUIRED }, () => FrenchLevel)
  frenchLevel!: FrenchLevel;

  @ExposedColumn({ type: 'varchar', length: 28, array: true }, () => [RecruitmentChannel])
  channels!: RecruitmentChannel[];

  @ExposedColumn({ type: 'varchar', length: 16, default: RecruitmentNeedStatus.OPEN }, () => RecruitmentNeedStatus)
  status!: RecruitmentNeedStatus;

  @ExposedColumn({ type: 'date' }, () => GraphQLDate)
  openedOn!: string;

  @ExposedColumn({ type: 'date', nullable: true }, () => GraphQLDate)
  closedOn!: string | null;
}
