import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ExposedColumn } from './exposed-column.js';

/**
 * What every editable record carries: the version its optimistic concurrency compares (see EntityRepository.update)
 * and when it was created and last changed. Entities extend it; the migrations declare the same three columns.
 */
@ObjectType({ isAbstract: true })
export abstract class VersionedEntity {
  @ExposedColumn({ type: 'integer', default: 1 }, () => Int, 'Version lue : à renvoyer avec une modification (concurrence optimiste)')
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field(() => GraphQLISODateTime, { description: 'Date et heure de la création' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  @Field(() => GraphQLISODateTime, { description: 'Date et heure de la dernière modification' })
  updatedAt!: Date;
}

/** A versioned record identified by a UUID the database generates (all but regions and directions, which have codes). */
@ObjectType({ isAbstract: true })
export abstract class UuidEntity extends VersionedEntity {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id!: string;
}
