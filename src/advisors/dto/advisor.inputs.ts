import { ArgsType, InputType } from '@nestjs/graphql';
import { Role } from '../../auth/role.js';
import { PaginationArgs } from '../../graphql/pagination/pagination.args.js';
import { AsciiEmailAddress, DirectionCode, ReadVersion, RegionCode, RegionCodes, RequiredText, Text } from '../../graphql/validation/field-rules.js';
import { BooleanField, EnumField, IdField, InputField, NestedField } from '../../graphql/validation/input-field.js';

@InputType({ description: 'Nouvelle utilisatrice ou nouvel utilisateur (ADMIN)' })
export class CreateAdvisorInput {
  @InputField(() => String, { description: 'Courriel professionnel, en caractères ASCII ; enregistré en minuscules' }, AsciiEmailAddress())
  email!: string;

  @InputField(() => String, RequiredText(200))
  fullName!: string;

  @EnumField(Role)
  role!: Role;

  @InputField(
    () => [String],
    { description: 'Régions assignées (codes 01 à 17) ; au moins une pour ADVISOR. Un MANAGER a celles de sa direction.' },
    RegionCodes(),
  )
  regionCodes!: string[];

  @InputField(() => String, { nullable: true, description: 'Direction régionale (obligatoire pour MANAGER)' }, DirectionCode())
  directionCode?: string;

  @IdField({ nullable: true, description: 'Point de services où la personne est en poste' })
  servicePointId?: string;
}

@InputType({ description: 'Modification d’une utilisatrice ou d’un utilisateur (ADMIN), avec la version lue' })
export class UpdateAdvisorInput {
  @IdField()
  id!: string;

  @ReadVersion()
  version!: number;

  @InputField(
    () => String,
    {
      nullable: true,
      description:
        'Nouveau courriel. Avec un fournisseur OpenID Connect, le lien au sujet du fournisseur est oublié (même si le ' +
        'courriel ne change pas) : la prochaine connexion avec ce courriel, vérifié, refait le lien',
    },
    AsciiEmailAddress(),
  )
  email?: string;

  @InputField(() => String, { nullable: true }, RequiredText(200))
  fullName?: string;

  @EnumField(Role, { nullable: true })
  role?: Role;

  @InputField(() => [String], { nullable: true, description: 'Régions assignées, au complet' }, RegionCodes())
  regionCodes?: string[];

  @InputField(() => String, { nullable: true }, DirectionCode())
  directionCode?: string;

  @IdField({ nullable: true })
  servicePointId?: string;

  @BooleanField({ nullable: true, description: 'false désactive le compte (il ne peut plus s’authentifier)' })
  active?: boolean;
}

@InputType({ description: 'Filtre de la liste des utilisatrices et utilisateurs' })
export class AdvisorFilter {
  @EnumField(Role, { nullable: true })
  role?: Role;

  @InputField(() => String, { nullable: true, description: 'Qui a cette région parmi les siennes' }, RegionCode())
  regionCode?: string;

  @BooleanField({ nullable: true })
  active?: boolean;

  @InputField(() => String, { nullable: true, description: 'Nom ou courriel contient ce texte (sans égard à la casse)' }, Text(100))
  search?: string;
}

@ArgsType()
export class AdvisorsArgs extends PaginationArgs {
  @NestedField(AdvisorFilter, { nullable: true })
  filter?: AdvisorFilter;
}
