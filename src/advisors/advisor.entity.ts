import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Role } from '../auth/role.js';

@Entity('advisors')
@ObjectType({
  description: 'Utilisatrice ou utilisateur : conseillère ou conseiller en immigration régionale, gestionnaire, analyste ou administrateur',
})
export class Advisor {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id!: string;

  @Column({ type: 'varchar', length: 254 })
  @Field({ description: 'Courriel professionnel (en minuscules) ; la revendication `email` du jeton le désigne' })
  email!: string;

  @Column({ type: 'varchar', length: 200 })
  @Field()
  fullName!: string;

  @Column({ type: 'varchar', length: 16 })
  @Field(() => Role)
  role!: Role;

  @Column({ type: 'varchar', length: 8, nullable: true })
  directionCode!: string | null;

  @Column({ type: 'uuid', nullable: true })
  servicePointId!: string | null;

  @Column({ type: 'boolean', default: true })
  @Field({ description: 'Un compte inactif ne peut plus s’authentifier' })
  active!: boolean;

  @Column({ type: 'integer', default: 1 })
  @Field(() => Int, { description: 'Version à renvoyer avec une modification (concurrence optimiste)' })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  @Field(() => GraphQLISODateTime)
  updatedAt!: Date;
}
