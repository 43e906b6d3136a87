import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { Region } from '../reference-data/region.entity.js';
import { ReferenceDataService } from '../reference-data/reference-data.service.js';
import { EventRegionSummary } from './event-summary.types.js';

@Resolver(() => EventRegionSummary)
export class EventRegionSummaryResolver {
  constructor(private readonly referenceData: ReferenceDataService) {}

  @ResolveField(() => Region, { description: 'Région des entreprises' })
  region(@Parent() row: EventRegionSummary, @Context() { loaders }: GraphQLContext) {
    return loaders.load(this.referenceData.regionByCode, row.regionCode);
  }
}
