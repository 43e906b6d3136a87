import { InputType } from '@nestjs/graphql';
import { EmailAddress, ReadVersion, RequiredText, Text } from '../../graphql/validation/field-rules.js';
import { EnumField, IdField, InputField } from '../../graphql/validation/input-field.js';
import { PreferredLanguage } from '../company.enums.js';

@InputType({ description: 'Nouvelle personne-ressource d’une entreprise de vos régions' })
export class AddCompanyContactInput {
  @IdField()
  companyId!: string;

  @InputField(() => String, RequiredText(100))
  firstName!: string;

  @InputField(() => String, RequiredText(100))
  lastName!: string;

  @InputField(() => String, { nullable: true }, Text(150))
  title?: string;

  @InputField(() => String, { nullable: true }, EmailAddress())
  email?: string;

  @InputField(() => String, { nullable: true }, Text(40))
  phone?: string;

  @EnumField(PreferredLanguage, { nullable: true, defaultValue: PreferredLanguage.FR })
  preferredLanguage?: PreferredLanguage;
}

@InputType({ description: 'Modification d’une personne-ressource (avec la version lue)' })
export class UpdateCompanyContactInput {
  @IdField()
  id!: string;

  @ReadVersion()
  version!: number;

  @InputField(() => String, { nullable: true }, RequiredText(100))
  firstName?: string;

  @InputField(() => String, { nullable: true }, RequiredText(100))
  lastName?: string;

  @InputField(() => String, { nullable: true }, Text(150))
  title?: string;

  @InputField(() => String, { nullable: true }, EmailAddress())
  email?: string;

  @InputField(() => String, { nullable: true }, Text(40))
  phone?: string;

  @EnumField(PreferredLanguage, { nullable: true })
  preferredLanguage?: PreferredLanguage;
}
