import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { GraphQLDate } from '../graphql/date.scalar.js';
import { EmploymentType, FrenchLevel, RecruitmentChannel, RecruitmentNeedStatus } from './recruitment-need.enums.js';
import { VersionedEntity } from '../database/versioned.entity.js';

/** numeric(8,2) comes back from PostgreSQL as a string; the API speaks numbers. */
const money = { to: (value: number | null) => value, from: (value: string | null) => (value === null ? null : Number(value)) };

@Entity('recruitment_needs')
@ObjectType({ description: 'Besoin de main-d’œuvre d’une entreprise : une profession (CNP 2021), des postes, une région' })
export class RecruitmentNeed extends VersionedEntity {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id!: string;

  @Column({ type: 'uuid' })
  companyId!: string;

  @Column({ type: 'uuid', nullable: true })
  accompanimentId!: string | null;

  @Column({ type: 'varchar', length: 5 })
  @Field({ description: 'Code CNP 2021 (5 chiffres)' })
  nocCode!: string;

  @Column({ type: 'smallint', insert: false, update: false })
  @Field(() => Int, { description: 'Grande catégorie professionnelle (1er chiffre de la CNP, 0 à 9)' })
  nocBroadCategory!: number;

  @Column({ type: 'smallint', insert: false, update: false })
  @Field(() => Int, { description: 'Catégorie FEER / TEER (2e chiffre de la CNP, 0 à 5)' })
  teer!: number;

  @Column({ type: 'varchar', length: 200 })
  @Field({ description: 'Appellation d’emploi' })
  title!: string;

  @Column({ type: 'integer' })
  @Field(() => Int, { description: 'Postes à pourvoir (1 à 1000)' })
  positions!: number;

  @Column({ type: 'integer', default: 0 })
  @Field(() => Int, { description: 'Postes pourvus (0 à positions)' })
  positionsFilled!: number;

  @Column({ type: 'varchar', length: 2 })
  @Field({ description: 'Région de travail (code)' })
  workRegionCode!: string;

  @Column({ type: 'varchar', length: 10 })
  @Field(() => EmploymentType)
  employmentType!: EmploymentType;

  @Column({ type: 'numeric', precision: 8, scale: 2, nullable: true, transformer: money })
  @Field(() => Float, { nullable: true, description: 'Salaire horaire ($, deux décimales)' })
  hourlyWage!: number | null;

  @Column({ type: 'varchar', length: 14, default: FrenchLevel.NOT_REQUIRED })
  @Field(() => FrenchLevel)
  frenchLevel!: FrenchLevel;

  @Column({ type: 'varchar', length: 28, array: true })
  @Field(() => [RecruitmentChannel])
  channels!: RecruitmentChannel[];

  @Column({ type: 'varchar', length: 16, default: RecruitmentNeedStatus.OPEN })
  @Field(() => RecruitmentNeedStatus)
  status!: RecruitmentNeedStatus;

  @Column({ type: 'date' })
  @Field(() => GraphQLDate)
  openedOn!: string;

  @Column({ type: 'date', nullable: true })
  @Field(() => GraphQLDate, { nullable: true })
  closedOn!: string | null;
}
