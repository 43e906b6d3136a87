import { ArgsType, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsIn } from 'class-validator';
import { PaginationArgs } from '../../graphql/pagination/pagination.args.js';
import { messageOf, ReadVersion, RequiredText, Text } from '../../graphql/validation/field-rules.js';
import { DateField, EnumField, IdField, InputField, NestedField } from '../../graphql/validation/input-field.js';
import { EventMode, EventStatus } from '../journees-quebec.enums.js';
import { INITIAL_EVENT_STATUSES } from '../journees-quebec.rules.js';

@InputType({ description: 'Créer un événement Journées Québec (ADMIN, MANAGER)' })
export class CreateJourneesQuebecEventInput {
  @InputField(() => String, { description: 'Nom (200 caractères au plus)' }, RequiredText(200))
  name!: string;

  @InputField(() => String, { description: 'Ville (100 caractères au plus)' }, RequiredText(100))
  city!: string;

  @InputField(() => String, { description: 'Pays (100 caractères au plus)' }, RequiredText(100))
  country!: string;

  @EnumField(EventMode)
  mode!: EventMode;

  @DateField()
  startsOn!: string;

  @DateField({ description: 'Au plus tôt startsOn' })
  endsOn!: string;

  @DateField({ description: 'Au plus tard startsOn' })
  registrationDeadline!: string;

  @InputField(
    () => EventStatus,
    { nullable: true, description: 'PLANNED (par défaut) ou REGISTRATION_OPEN pour ouvrir les inscriptions dès la création' },
    IsIn(INITIAL_EVENT_STATUSES, messageOf('field.invalid')),
  )
  status?: EventStatus;
}

@InputType({
  description:
    'Modifier un événement (ADMIN, MANAGER) avec la version lue. État : PLANNED → REGISTRATION_OPEN → HELD, ' +
    'CANCELLED depuis PLANNED ou REGISTRATION_OPEN',
})
export class UpdateJourneesQuebecEventInput {
  @IdField()
  id!: string;

  @ReadVersion()
  version!: number;

  @InputField(() => String, { nullable: true }, RequiredText(200))
  name?: string;

  @InputField(() => String, { nullable: true }, RequiredText(100))
  city?: string;

  @InputField(() => String, { nullable: true }, RequiredText(100))
  country?: string;

  @EnumField(EventMode, { nullable: true })
  mode?: EventMode;

  @DateField({ nullable: true })
  startsOn?: string;

  @DateField({ nullable: true })
  endsOn?: string;

  @DateField({ nullable: true })
  registrationDeadline?: string;

  @EnumField(EventStatus, { nullable: true })
  status?: EventStatus;
}

@InputType({ description: 'Filtre des événements Journées Québec' })
export class JourneesQuebecEventFilter {
  @EnumField([EventStatus], { nullable: true, description: 'Un ou plusieurs états' }, ArrayMaxSize(4, messageOf('field.invalid')))
  status?: EventStatus[];

  @DateField({ nullable: true, description: 'Événements qui se terminent ce jour-là ou après' })
  from?: string;

  @DateField({ nullable: true, description: 'Événements qui commencent ce jour-là ou avant (inclus)' })
  to?: string;

  @InputField(() => String, { nullable: true, description: 'Pays (sans égard aux accents ni à la casse)' }, Text(100))
  country?: string;

  @EnumField([EventMode], { nullable: true, description: 'Un ou plusieurs modes' }, ArrayMaxSize(3, messageOf('field.invalid')))
  mode?: EventMode[];
}

@ArgsType()
export class JourneesQuebecEventsArgs extends PaginationArgs {
  @NestedField(JourneesQuebecEventFilter, { nullable: true })
  filter?: JourneesQuebecEventFilter;
}
