import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional } from 'class-validator';
import { EmailAddress, messageOf, ReadVersion, RequiredText, Text, Uuid } from '../../graphql/validation/field-rules.js';
import { PreferredLanguage } from '../company.enums.js';

@InputType({ description: 'Nouvelle personne-ressource d’une entreprise de vos régions' })
export class AddCompanyContactInput {
  @Field(() => ID)
  @Uuid()
  companyId!: string;

  @Field()
  @RequiredText(100)
  firstName!: string;

  @Field()
  @RequiredText(100)
  lastName!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Text(150)
  title?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @EmailAddress()
  email?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Text(40)
  phone?: string;

  @Field(() => PreferredLanguage, { nullable: true, defaultValue: PreferredLanguage.FR })
  @IsOptional()
  @IsEnum(PreferredLanguage, messageOf('field.invalid'))
  preferredLanguage?: PreferredLanguage;
}

@InputType({ description: 'Modification d’une personne-ressource (avec la version lue)' })
export class UpdateCompanyContactInput {
  @Field(() => ID)
  @Uuid()
  id!: string;

  @ReadVersion()
  version!: number;

  @Field({ nullable: true })
  @IsOptional()
  @RequiredText(100)
  firstName?: string;

  @Field({ nullable: true })
  @IsOptional()
  @RequiredText(100)
  lastName?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Text(150)
  title?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @EmailAddress()
  email?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Text(40)
  phone?: string;

  @Field(() => PreferredLanguage, { nullable: true })
  @IsOptional()
  @IsEnum(PreferredLanguage, messageOf('field.invalid'))
  preferredLanguage?: PreferredLanguage;
}
