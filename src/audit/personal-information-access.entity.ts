import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Entity, PrimaryColumn } from 'typeorm';
import { ExposedColumn } from '../database/exposed-column.js';

@Entity('personal_information_access_log')
@ObjectType({
  description:
    'Accès aux renseignements personnels d’une personne-ressource (Loi 25) : qui, quand, quelle personne, par quel champ',
})
export class PersonalInformationAccess {
  @PrimaryColumn({ type: 'bigint' })
  @Field(() => ID)
  id!: string;

  @ExposedColumn({ type: 'timestamptz' }, () => GraphQLISODateTime)
  accessedAt!: Date;

  @ExposedColumn({ type: 'uuid', nullable: true }, () => ID, 'Conseillère ou conseiller qui a lu (vide pour le système)')
  advisorId!: string | null;

  @ExposedColumn({ type: 'uuid' }, () => ID)
  contactId!: string;

  @ExposedColumn({ type: 'uuid' }, () => ID)
  companyId!: string;

  @ExposedColumn({ type: 'varchar', length: 120 }, () => String, 'Champ du schéma qui a rendu les renseignements, ex. Company.contacts')
  via!: string;

  @ExposedColumn(
    { type: 'varchar', length: 300 },
    () => String,
    'Chemin dans la réponse, sans les indices, ex. companies.edges.node.contacts',
  )
  path!: string;

  @ExposedColumn(
    { type: 'varchar', length: 100, nullable: true },
    () => String,
    'Type et nom de l’opération GraphQL, ex. query ListeConseiller',
  )
  operationName!: string | null;

  @ExposedColumn({ type: 'varchar', length: 100, nullable: true }, () => String)
  requestId!: string | null;
}
