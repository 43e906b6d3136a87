import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('personal_information_access_log')
@ObjectType({
  description:
    'Accès aux renseignements personnels d’une personne-ressource (Loi 25) : qui, quand, quelle personne, par quel champ',
})
export class PersonalInformationAccess {
  @PrimaryColumn({ type: 'bigint' })
  @Field(() => ID)
  id!: string;

  @Column({ type: 'timestamptz' })
  @Field(() => GraphQLISODateTime)
  accessedAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: 'Conseillère ou conseiller qui a lu (vide pour le système)' })
  advisorId!: string | null;

  @Column({ type: 'uuid' })
  @Field(() => ID)
  contactId!: string;

  @Column({ type: 'uuid' })
  @Field(() => ID)
  companyId!: string;

  @Column({ type: 'varchar', length: 120 })
  @Field({ description: 'Champ du schéma qui a rendu les renseignements, ex. Company.contacts' })
  via!: string;

  @Column({ type: 'varchar', length: 300 })
  @Field({ description: 'Chemin dans la réponse, sans les indices, ex. companies.edges.node.contacts' })
  path!: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  @Field(() => String, { nullable: true, description: 'Type et nom de l’opération GraphQL, ex. query ListeConseiller' })
  operationName!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  @Field(() => String, { nullable: true })
  requestId!: string | null;
}
