import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Company } from '../companies/company.entity.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { PortailReferral } from './portail-referral.entity.js';
import { PortailReferralsService } from './portail-referrals.service.js';

/** `Company.portailReferrals`, resolved here so that companies never depends on portail-referrals. */
@Resolver(() => Company)
export class CompanyPortailReferralsResolver {
  constructor(private readonly referrals: PortailReferralsService) {}

  @ResolveField(() => [PortailReferral], {
    description: 'Référencements de l’entreprise au Portail employeurs (si elle est de vos régions), plus récents d’abord',
  })
  portailReferrals(@Parent() company: Company, @Context() { loaders }: GraphQLContext) {
    return loaders.load(this.referrals.referralsByCompany, company.id);
  }
}
