import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, UpdateDateColumn } from 'typeorm';

/**
 * What every editable record carries: the version its optimistic concurrency compares (see EntityRepository.update)
 * and when it was created and last changed. Entities extend it; the migrations declare the same three columns.
 */
@ObjectType({ isAbstract: true })
export abstract class VersionedEntity {
  @Column({ type: 'integer', default: 1 })
  @Field(() => Int, { description: 'Version lue : à renvoyer avec une modification (concurrence optimiste)' })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field(() => GraphQLISODateTime, { description: 'Date et heure de la création' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  @Field(() => GraphQLISODateTime, { description: 'Date et heure de la dernière modification' })
  updatedAt!: Date;
}
