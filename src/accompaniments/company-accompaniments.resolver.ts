import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Company } from '../companies/company.entity.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { AccompanimentStatus } from './accompaniment.enums.js';
import { Accompaniment } from './accompaniment.entity.js';
import { AccompanimentsService } from './accompaniments.service.js';
import { boundRegionScope } from '../auth/region-scope.js';
import { SqlField } from '../graphql/compiled-lists/sql-relation.decorator.js';

/** `Company.accompaniments`, resolved here so that companies never depends on accompaniments. */
@Resolver(() => Company)
export class CompanyAccompanimentsResolver {
  constructor(private readonly files: AccompanimentsService) {}

  @ResolveField(() => [Accompaniment], {
    description: 'Dossiers de l’entreprise dans vos régions, les plus récents d’abord',
  })
  @SqlField(() => Company, {
    kind: 'many',
    to: () => Accompaniment,
    where: ({ parent, row, bind }) =>
      `${row}.company_id = ${parent}.id AND ${boundRegionScope(`${row}.region_code`, bind)}` +
      ` AND coalesce(${row}.status = ANY(${bind(({ args }) => ((args.status as unknown[] | null)?.length ? args.status : null))}::varchar[]), true)`,
    orderBy: (row) => `${row}.opened_on DESC, ${row}.id`,
  })
  accompaniments(
    @Parent() company: Company,
    @Context() { loaders }: GraphQLContext,
    @Args('status', { type: () => [AccompanimentStatus], nullable: true }) status?: AccompanimentStatus[],
  ) {
    return loaders.load(this.files.accompanimentsByCompany(status ?? undefined), company.id);
  }
}
