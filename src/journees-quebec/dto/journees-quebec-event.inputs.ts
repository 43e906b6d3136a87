import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsEnum, IsIn, IsOptional, ValidateNested } from 'class-validator';
import { GraphQLDate } from '../../graphql/date.scalar.js';
import { PaginationArgs } from '../../graphql/pagination/pagination.args.js';
import { messageOf, ReadVersion, RequiredText, Text, Uuid } from '../../graphql/validation/field-rules.js';
import { EventMode, EventStatus } from '../journees-quebec.enums.js';
import { INITIAL_EVENT_STATUSES } from '../journees-quebec.rules.js';

@InputType({ description: 'Créer un événement Journées Québec (ADMIN, MANAGER)' })
export class CreateJourneesQuebecEventInput {
  @Field({ description: 'Nom (200 caractères au plus)' })
  @RequiredText(200)
  name!: string;

  @Field({ description: 'Ville (100 caractères au plus)' })
  @RequiredText(100)
  city!: string;

  @Field({ description: 'Pays (100 caractères au plus)' })
  @RequiredText(100)
  country!: string;

  @Field(() => EventMode)
  @IsEnum(EventMode, messageOf('field.invalid'))
  mode!: EventMode;

  @Field(() => GraphQLDate)
  startsOn!: string;

  @Field(() => GraphQLDate, { description: 'Au plus tôt startsOn' })
  endsOn!: string;

  @Field(() => GraphQLDate, { description: 'Au plus tard startsOn' })
  registrationDeadline!: string;

  @Field(() => EventStatus, {
    nullable: true,
    description: 'PLANNED (par défaut) ou REGISTRATION_OPEN pour ouvrir les inscriptions dès la création',
  })
  @IsOptional()
  @IsIn(INITIAL_EVENT_STATUSES, messageOf('field.invalid'))
  status?: EventStatus;
}

@InputType({
  description:
    'Modifier un événement (ADMIN, MANAGER) avec la version lue. État : PLANNED → REGISTRATION_OPEN → HELD, ' +
    'CANCELLED depuis PLANNED ou REGISTRATION_OPEN',
})
export class UpdateJourneesQuebecEventInput {
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
  @RequiredText(100)
  city?: string;

  @Field({ nullable: true })
  @IsOptional()
  @RequiredText(100)
  country?: string;

  @Field(() => EventMode, { nullable: true })
  @IsOptional()
  @IsEnum(EventMode, messageOf('field.invalid'))
  mode?: EventMode;

  @Field(() => GraphQLDate, { nullable: true })
  @IsOptional()
  startsOn?: string;

  @Field(() => GraphQLDate, { nullable: true })
  @IsOptional()
  endsOn?: string;

  @Field(() => GraphQLDate, { nullable: true })
  @IsOptional()
  registrationDeadline?: string;

  @Field(() => EventStatus, { nullable: true })
  @IsOptional()
  @IsEnum(EventStatus, messageOf('field.invalid'))
  status?: EventStatus;
}

@InputType({ description: 'Filtre des événements Journées Québec' })
export class JourneesQuebecEventFilter {
  @Field(() => [EventStatus], { nullable: true, description: 'Un ou plusieurs états' })
  @IsOptional()
  @ArrayMaxSize(4, messageOf('field.invalid'))
  @IsEnum(EventStatus, messageOf('field.invalid', {}, true))
  status?: EventStatus[];

  @Field(() => GraphQLDate, { nullable: true, description: 'Événements qui se terminent ce jour-là ou après' })
  @IsOptional()
  from?: string;

  @Field(() => GraphQLDate, { nullable: true, description: 'Événements qui commencent ce jour-là ou avant (inclus)' })
  @IsOptional()
  to?: string;

  @Field({ nullable: true, description: 'Pays (sans égard aux accents ni à la casse)' })
  @IsOptional()
  @Text(100)
  country?: string;

  @Field(() => [EventMode], { nullable: true, description: 'Un ou plusieurs modes' })
  @IsOptional()
  @ArrayMaxSize(3, messageOf('field.invalid'))
  @IsEnum(EventMode, messageOf('field.invalid', {}, true))
  mode?: EventMode[];
}

@ArgsType()
export class JourneesQuebecEventsArgs extends PaginationArgs {
  @Field(() => JourneesQuebecEventFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => JourneesQuebecEventFilter)
  filter?: JourneesQuebecEventFilter;
}
