import { Field, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { VersionedEntity } from '../database/versioned.entity.js';

@Entity('regional_directions')
@ObjectType({ description: 'Direction régionale du ministère : regroupe des régions ; une gestionnaire en dirige une' })
export class RegionalDirection extends VersionedEntity {
  @PrimaryColumn({ type: 'varchar', length: 8 })
  @Field({ description: 'Code court, ex. LLL' })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  @Field()
  name!: string;
}
