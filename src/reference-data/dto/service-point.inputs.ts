import { InputType } from '@nestjs/graphql';
import { EmailAddress, MultilineText, ReadVersion, RegionCode, RequiredText, Text } from '../../graphql/validation/field-rules.js';
import { IdField, InputField } from '../../graphql/validation/input-field.js';

/** A service point’s address and contact details, optional when creating one as when changing it (empty: none). */
@InputType({ isAbstract: true })
abstract class ServicePointFields {
  @InputField(() => String, { nullable: true }, MultilineText(300))
  address?: string;

  @InputField(() => String, { nullable: true }, Text(100))
  municipality?: string;

  @InputField(() => String, { nullable: true, description: 'Code postal canadien ; normalisé en A1A 1A1' }, Text(10))
  postalCode?: string;

  @InputField(() => String, { nullable: true }, Text(40))
  phone?: string;

  @InputField(() => String, { nullable: true }, EmailAddress())
  email?: string;
}

@InputType({ description: 'Nouveau point de services' })
export class CreateServicePointInput extends ServicePointFields {
  @InputField(() => String, RegionCode())
  regionCode!: string;

  @InputField(() => String, RequiredText(200))
  name!: string;
}

@InputType({ description: 'Modification d’un point de services (avec la version lue)' })
export class UpdateServicePointInput extends ServicePointFields {
  @IdField()
  id!: string;

  @ReadVersion()
  version!: number;

  @InputField(() => String, { nullable: true }, RequiredText(200))
  name?: string;
}
