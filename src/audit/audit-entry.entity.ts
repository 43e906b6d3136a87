import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Entity, PrimaryColumn } from 'typeorm';
import { GraphQLJSON } from '../graphql/json.scalar.js';
import { ExposedColumn } from '../database/exposed-column.js';

@Entity('audit_log')
@ObjectType({ description: 'Entrée du journal d’audit : qui, quand, quoi, avant et après' })
export class AuditEntry {
  @PrimaryColumn({ type: 'bigint' })
  @Field(() => ID)
  id!: string;

  @ExposedColumn({ type: 'timestamptz' }, () => GraphQLISODateTime)
  occurredAt!: Date;

  @ExposedColumn({ type: 'uuid', nullable: true }, () => ID, 'Auteur (vide pour une opération du système : démarrage, import…)')
  actorId!: string | null;

  @ExposedColumn({ type: 'varchar', length: 40 }, () => String, 'create, update, open, hold, resume, close, reassign, delete, import…')
  action!: string;

  @ExposedColumn({ type: 'varchar', length: 40 }, () => String)
  entityType!: string;

  @ExposedColumn({ type: 'varchar', length: 64 }, () => String)
  entityId!: string;

  @ExposedColumn({ type: 'jsonb', nullable: true }, () => GraphQLJSON)
  before!: unknown;

  @ExposedColumn({ type: 'jsonb', nullable: true }, () => GraphQLJSON)
  after!: unknown;

  @ExposedColumn({ type: 'varchar', length: 100, nullable: true }, () => String)
  requestId!: string | null;
}
