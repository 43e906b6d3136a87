import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import { EmailAddress, MultilineText, ReadVersion, RegionCode, RequiredText, Text, Uuid } from '../../graphql/validation/field-rules.js';

@InputType({ description: 'Nouveau point de services' })
export class CreateServicePointInput {
  @Field()
  @RegionCode()
  regionCode!: string;

  @Field()
  @RequiredText(200)
  name!: string;

  @Field({ nullable: true })
  @IsOptional()
  @MultilineText(300)
  address?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Text(100)
  municipality?: string;

  @Field({ nullable: true, description: 'Code postal canadien ; normalisé en A1A 1A1' })
  @IsOptional()
  @Text(10)
  postalCode?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Text(40)
  phone?: string;

  @Field({ nullable: true })
  @IsOptional()
  @EmailAddress()
  email?: string;
}

@InputType({ description: 'Modification d’un point de services (avec la version lue)' })
export class UpdateServicePointInput {
  @Field(() => ID)
  @Uuid()
  id!: string;

  @ReadVersion()
  version!: number;

  @Field({ nullable: true })
  @IsOptional()
  @RequiredText(200)
  name?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MultilineText(300)
  address?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Text(100)
  municipality?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Text(10)
  postalCode?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Text(40)
  phone?: string;

  @Field({ nullable: true })
  @IsOptional()
  @EmailAddress()
  email?: string;
}
