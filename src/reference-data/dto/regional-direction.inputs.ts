import { InputType } from '@nestjs/graphql';
import { DirectionCode, ReadVersion, RegionCode, RegionCodes, RequiredText } from '../../graphql/validation/field-rules.js';
import { InputField } from '../../graphql/validation/input-field.js';

@InputType({ description: 'Nouvelle direction régionale' })
export class CreateRegionalDirectionInput {
  @InputField(() => String, { description: 'Code court : 2 à 8 majuscules ou chiffres, ex. LLL' }, DirectionCode())
  code!: string;

  @InputField(() => String, RequiredText(200))
  name!: string;

  @InputField(() => [String], { nullable: true, description: 'Régions rattachées à cette direction' }, RegionCodes())
  regionCodes?: string[];
}

@InputType({ description: 'Modification d’une direction régionale (avec la version lue)' })
export class UpdateRegionalDirectionInput {
  @InputField(() => String, DirectionCode())
  code!: string;

  @ReadVersion()
  version!: number;

  @InputField(() => String, { nullable: true }, RequiredText(200))
  name?: string;

  @InputField(
    () => [String],
    { nullable: true, description: 'Régions de la direction, au complet : celles qui n’y figurent plus n’ont plus de direction' },
    RegionCodes(),
  )
  regionCodes?: string[];
}

@InputType({ description: 'Modification d’une région (avec la version lue)' })
export class UpdateRegionInput {
  @InputField(() => String, RegionCode())
  code!: string;

  @ReadVersion()
  version!: number;

  @InputField(() => String, { nullable: true }, RequiredText(100))
  name?: string;

  @InputField(() => String, { nullable: true, description: 'Direction régionale de rattachement' }, DirectionCode())
  directionCode?: string;
}
