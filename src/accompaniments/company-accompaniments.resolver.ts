import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Company } from '../companies/company.entity.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { AccompanimentStatus } from './accompaniment.enums.js';
import { Accompaniment } from './accompaniment.entity.js';
import { AccompanimentsService } from './accompaniments.service.js';

/** `Company.accompaniments`, resolved here so that companies never depends on accompaniments. */
@Resolver(() => Company)
export class CompanyAccompanimentsResolver {
  constructor(private readonly files: AccompanimentsService) {}

  @ResolveField(() => [Accompaniment], {
    description: 'Dossiers de l’entreprise dans vos régions, les plus récents d’abord',
  })
  accompaniments(
    @Parent() company: Company,
    @Context() { loaders }: GraphQLContext,
    @Args('status', { type: () => [AccompanimentStatus], nullable: true }) status?: AccompanimentStatus[],
  ) {
    return loaders.load(this.files.accompanimentsByCompany(status ?? undefined), company.id);
  }
}
