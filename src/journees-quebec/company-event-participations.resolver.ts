import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Company } from '../companies/company.entity.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { EventParticipation } from './event-participation.entity.js';
import { EventParticipationsService } from './event-participations.service.js';
import { boundRegionScope } from '../auth/region-scope.js';
import { SqlField } from '../graphql/compiled-lists/sql-relation.decorator.js';

/** `Company.eventParticipations`, resolved here so that companies never depends on Journées Québec. */
@Resolver(() => Company)
export class CompanyEventParticipationsResolver {
  constructor(private readonly participations: EventParticipationsService) {}

  @ResolveField(() => [EventParticipation], {
    description: 'Participations de l’entreprise aux Journées Québec, si elle est de vos régions (liste vide sinon), les plus récentes d’abord',
  })
  @SqlField(() => Company, {
    kind: 'many',
    to: () => EventParticipation,
    // As EventParticipationRepository.ofCompanies: scoped by the company's region (the parent's), latest events first.
    where: ({ parent, row, bind }) => `${row}.company_id = ${parent}.id AND ${boundRegionScope(`${parent}.region_code`, bind)}`,
    orderBy: (row) => `(SELECT e.starts_on FROM journees_quebec_events e WHERE e.id = ${row}.event_id) DESC, ${row}.id`,
  })
  eventParticipations(@Parent() company: Company, @Context() { loaders }: GraphQLContext) {
    return loaders.load(this.participations.participationsByCompany, company.id);
  }
}
