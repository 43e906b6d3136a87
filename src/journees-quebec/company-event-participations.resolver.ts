import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Company } from '../companies/company.entity.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { EventParticipation } from './event-participation.entity.js';
import { EventParticipationsService } from './event-participations.service.js';

/** `Company.eventParticipations`, resolved here so that companies never depends on Journées Québec. */
@Resolver(() => Company)
export class CompanyEventParticipationsResolver {
  constructor(private readonly participations: EventParticipationsService) {}

  @ResolveField(() => [EventParticipation], {
    description: 'Participations de l’entreprise aux Journées Québec, si elle est de vos régions (liste vide sinon), les plus récentes d’abord',
  })
  eventParticipations(@Parent() company: Company, @Context() { loaders }: GraphQLContext) {
    return loaders.load(this.participations.participationsByCompany, company.id);
  }
}
