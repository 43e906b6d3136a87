import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { VersionedEntity } from '../database/versioned.entity.js';

@Entity('service_points')
@ObjectType({ description: 'Point de services (bureau de Services Québec) où des conseillères sont en poste' })
export class ServicePoint extends VersionedEntity {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id!: string;

  @Column({ type: 'varchar', length: 2 })
  @Field({ description: 'Code de la région du point de services' })
  regionCode!: string;

  @Column({ type: 'varchar', length: 200 })
  @Field()
  name!: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  @Field(() => String, { nullable: true })
  address!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  @Field(() => String, { nullable: true })
  municipality!: string | null;

  @Column({ type: 'varchar', length: 7, nullable: true })
  @Field(() => String, { nullable: true })
  postalCode!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  @Field(() => String, { nullable: true, description: 'Téléphone du bureau (coordonnée professionnelle)' })
  phone!: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  @Field(() => String, { nullable: true, description: 'Courriel du bureau (coordonnée professionnelle)' })
  email!: string | null;
}
