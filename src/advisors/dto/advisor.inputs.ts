import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional, Matches, ValidateNested } from 'class-validator';
import { Role } from '../../auth/role.js';
import { PaginationArgs } from '../../graphql/pagination/pagination.args.js';
import { AsciiEmailAddress, messageOf, ReadVersion, RegionCode, RegionCodes, RequiredText, Text, Uuid } from '../../graphql/validation/field-rules.js';

@InputType({ description: 'Nouvelle utilisatrice ou nouvel utilisateur (ADMIN)' })
export class CreateAdvisorInput {
  @Field({ description: 'Courriel professionnel, en caractères ASCII ; enregistré en minuscules' })
  @AsciiEmailAddress()
  email!: string;

  @Field()
  @RequiredText(200)
  fullName!: string;

  @Field(() => Role)
  @IsEnum(Role, messageOf('field.invalid'))
  role!: Role;

  @Field(() => [String], {
    description: 'Régions assignées (codes 01 à 17) ; au moins une pour ADVISOR. Un MANAGER a celles de sa direction.',
  })
  @RegionCodes()
  regionCodes!: string[];

  @Field(() => String, { nullable: true, description: 'Direction régionale (obligatoire pour MANAGER)' })
  @IsOptional()
  @Matches(/^[A-Z0-9]{2,8}$/, messageOf('field.directionCode'))
  directionCode?: string;

  @Field(() => ID, { nullable: true, description: 'Point de services où la personne est en poste' })
  @IsOptional()
  @Uuid()
  servicePointId?: string;
}

@InputType({ description: 'Modification d’une utilisatrice ou d’un utilisateur (ADMIN), avec la version lue' })
export class UpdateAdvisorInput {
  @Field(() => ID)
  @Uuid()
  id!: string;

  @ReadVersion()
  version!: number;

  @Field({
    nullable: true,
    description:
      'Nouveau courriel. Avec un fournisseur OpenID Connect, le lien au sujet du fournisseur est oublié (même si le ' +
      'courriel ne change pas) : la prochaine connexion avec ce courriel, vérifié, refait le lien',
  })
  @IsOptional()
  @AsciiEmailAddress()
  email?: string;

  @Field({ nullable: true })
  @IsOptional()
  @RequiredText(200)
  fullName?: string;

  @Field(() => Role, { nullable: true })
  @IsOptional()
  @IsEnum(Role, messageOf('field.invalid'))
  role?: Role;

  @Field(() => [String], { nullable: true, description: 'Régions assignées, au complet' })
  @IsOptional()
  @RegionCodes()
  regionCodes?: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[A-Z0-9]{2,8}$/, messageOf('field.directionCode'))
  directionCode?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @Uuid()
  servicePointId?: string;

  @Field({ nullable: true, description: 'false désactive le compte (il ne peut plus s’authentifier)' })
  @IsOptional()
  @IsBoolean(messageOf('field.invalid'))
  active?: boolean;
}

@InputType({ description: 'Filtre de la liste des utilisatrices et utilisateurs' })
export class AdvisorFilter {
  @Field(() => Role, { nullable: true })
  @IsOptional()
  @IsEnum(Role, messageOf('field.invalid'))
  role?: Role;

  @Field(() => String, { nullable: true, description: 'Qui a cette région parmi les siennes' })
  @IsOptional()
  @RegionCode()
  regionCode?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean(messageOf('field.invalid'))
  active?: boolean;

  @Field(() => String, { nullable: true, description: 'Nom ou courriel contient ce texte (sans égard à la casse)' })
  @IsOptional()
  @Text(100)
  search?: string;
}

@ArgsType()
export class AdvisorsArgs extends PaginationArgs {
  @Field(() => AdvisorFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AdvisorFilter)
  filter?: AdvisorFilter;
}
