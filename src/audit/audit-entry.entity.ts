import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { GraphQLJSON } from '../graphql/json.scalar.js';

@Entity('audit_log')
@ObjectType({ description: 'Entrée du journal d’audit : qui, quand, quoi, avant et après' })
export class AuditEntry {
  @PrimaryColumn({ type: 'bigint' })
  @Field(() => ID)
  id!: string;

  @Column({ type: 'timestamptz' })
  @Field(() => GraphQLISODateTime)
  occurredAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: 'Auteur (vide pour une opération du système : démarrage, import…)' })
  actorId!: string | null;

  @Column({ type: 'varchar', length: 40 })
  @Field({ description: 'create, update, open, hold, resume, close, reassign, delete, import…' })
  action!: string;

  @Column({ type: 'varchar', length: 40 })
  @Field()
  entityType!: string;

  @Column({ type: 'varchar', length: 64 })
  @Field()
  entityId!: string;

  @Column({ type: 'jsonb', nullable: true })
  @Field(() => GraphQLJSON, { nullable: true })
  before!: unknown;

  @Column({ type: 'jsonb', nullable: true })
  @Field(() => GraphQLJSON, { nullable: true })
  after!: unknown;

  @Column({ type: 'varchar', length: 100, nullable: true })
  @Field(() => String, { nullable: true })
  requestId!: string | null;
}
