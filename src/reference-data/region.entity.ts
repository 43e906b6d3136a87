import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

@Entity('regions')
@ObjectType({ description: 'Région administrative du Québec (17, code officiel 01 à 17)' })
export class Region {
  @PrimaryColumn({ type: 'varchar', length: 2 })
  @Field({ description: 'Code officiel à deux chiffres, ex. 13' })
  code!: string;

  @Column({ type: 'varchar', length: 100 })
  @Field({ description: 'Nom officiel, ex. Saguenay–Lac-Saint-Jean' })
  name!: string;

  @Column({ type: 'varchar', length: 8, nullable: true })
  directionCode!: string | null;

  @Column({ type: 'integer', default: 1 })
  @Field(() => Int)
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
