import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, Matches } from 'class-validator';
import { messageOf, ReadVersion, RegionCodes, RequiredText } from '../../graphql/validation/field-rules.js';

@InputType({ description: 'Nouvelle direction régionale' })
export class CreateRegionalDirectionInput {
  @Field({ description: 'Code court : 2 à 8 majuscules ou chiffres, ex. LLL' })
  @Matches(/^[A-Z0-9]{2,8}$/, messageOf('field.directionCode'))
  code!: string;

  @Field()
  @RequiredText(200)
  name!: string;

  @Field(() => [String], { nullable: true, description: 'Régions rattachées à cette direction' })
  @IsOptional()
  @RegionCodes()
  regionCodes?: string[];
}

@InputType({ description: 'Modification d’une direction régionale (avec la version lue)' })
export class UpdateRegionalDirectionInput {
  @Field()
  @Matches(/^[A-Z0-9]{2,8}$/, messageOf('field.directionCode'))
  code!: string;

  @ReadVersion()
  version!: number;

  @Field({ nullable: true })
  @IsOptional()
  @RequiredText(200)
  name?: string;

  @Field(() => [String], {
    nullable: true,
    description: 'Régions de la direction, au complet : celles qui n’y figurent plus n’ont plus de direction',
  })
  @IsOptional()
  @RegionCodes()
  regionCodes?: string[];
}

@InputType({ description: 'Modification d’une région (avec la version lue)' })
export class UpdateRegionInput {
  @Field()
  @Matches(/^(0[1-9]|1[0-7])$/, messageOf('field.regionCode'))
  code!: string;

  @ReadVersion()
  version!: number;

  @Field({ nullable: true })
  @IsOptional()
  @RequiredText(100)
  name?: string;

  @Field(() => String, { nullable: true, description: 'Direction régionale de rattachement' })
  @IsOptional()
  @Matches(/^[A-Z0-9]{2,8}$/, messageOf('field.directionCode'))
  directionCode?: string;
}
