import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

@Entity('regional_directions')
@ObjectType({ description: 'Direction régionale du ministère : regroupe des régions ; une gestionnaire en dirige une' })
export class RegionalDirection {
  @PrimaryColumn({ type: 'varchar', length: 8 })
  @Field({ description: 'Code court, ex. LLL' })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  @Field()
  name!: string;

  @Column({ type: 'integer', default: 1 })
  @Field(() => Int)
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
