import { ArgsType, Field, GraphQLISODateTime, InputType, ObjectType } from '@nestjs/graphql';
import { AuditEntry } from '../../audit/audit-entry.entity.js';
import { PersonalInformationAccess } from '../../audit/personal-information-access.entity.js';
import { CompanyContact } from '../../companies/company-contact.entity.js';
import { Company } from '../../companies/company.entity.js';
import { PaginationArgs } from '../../graphql/pagination/pagination.args.js';
import { DateField, IdField, NestedField } from '../../graphql/validation/input-field.js';

@InputType({ description: 'Filtre du journal des accès aux renseignements personnels' })
export class PersonalInformationAccessFilter {
  @IdField({ nullable: true, description: 'Personne-ressource dont les renseignements ont été lus' })
  contactId?: string;

  @IdField({ nullable: true, description: 'Conseillère ou conseiller qui a lu' })
  advisorId?: string;

  @DateField({ nullable: true, description: 'À partir de ce jour (heure du Québec), inclus' })
  from?: string;

  @DateField({ nullable: true, description: 'Jusqu’à ce jour (heure du Québec), inclus' })
  to?: string;
}

@ArgsType()
export class PersonalInformationAccessLogArgs extends PaginationArgs {
  @NestedField(PersonalInformationAccessFilter, { nullable: true })
  filter?: PersonalInformationAccessFilter;
}

@ObjectType({
  description:
    'Tout ce que le CRM détient sur une personne-ressource (droit d’accès, Loi 25) : ses renseignements, son entreprise, ' +
    'son journal d’audit et les accès à ses renseignements',
})
export class ContactPersonalInformation {
  @Field(() => CompanyContact)
  contact!: CompanyContact;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'Date où la conservation a remplacé ses renseignements par des valeurs neutres (vide : jamais)',
  })
  anonymizedAt!: Date | null;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => GraphQLISODateTime)
  updatedAt!: Date;

  @Field(() => Company)
  company!: Company;

  @Field(() => [AuditEntry], { description: 'Entrées du journal d’audit de la personne-ressource, les plus anciennes d’abord' })
  auditEntries!: AuditEntry[];

  @Field(() => [PersonalInformationAccess], {
    description: 'Accès à ses renseignements, les plus anciens d’abord (celui de cette exportation compris)',
  })
  accessLog!: PersonalInformationAccess[];

  @Field({ description: 'Le tout en JSON, à remettre à la personne qui en fait la demande' })
  json!: string;
}
