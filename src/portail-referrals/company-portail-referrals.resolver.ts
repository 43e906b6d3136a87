import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Company } from '../companies/company.entity.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { PortailReferral } from './portail-referral.entity.js';
import { PortailReferralsService } from './portail-referrals.service.js';
import { boundRegionScope } from '../auth/region-scope.js';
import { SqlField } from '../graphql/compiled-lists/sql-relation.decorator.js';

/** `Company.portailReferrals`, resolved here so that companies never depends on portail-referrals. */
@Resolver(() => Company)
export class CompanyPortailReferralsResolver {
  constructor(private readonly referrals: PortailReferralsService) {}

  @ResolveField(() => [PortailReferral], {
    description: 'Référencements de l’entreprise au Portail employeurs (si elle est de vos régions), plus récents d’abord',
  })
  @SqlField(() => Company, {
    kind: 'many',
    to: () => PortailReferral,
    // As PortailReferralRepository.ofCompanies: scoped by the company's region (the parent's).
    where: ({ parent, row, bind }) => `${row}.company_id = ${parent}.id AND ${boundRegionScope(`${parent}.region_code`, bind)}`,
    orderBy: (row) => `${row}.referred_on DESC, ${row}.id DESC`,
  })
  portailReferrals(@Parent() company: Company, @Context() { loaders }: GraphQLContext) {
    return loaders.load(this.referrals.referralsByCompany, company.id);
  }
}
