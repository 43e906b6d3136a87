import { Injectable } from '@nestjs/common';
import { repositoryOf } from '../database/entity-repository.js';
import { asc, desc, paginate, type Page } from '../database/keyset-pagination.js';
import type { CompiledNodes } from '../graphql/compiled-lists/compiled-nodes.js';
import type { JourneesQuebecEventsArgs } from './dto/journees-quebec-event.inputs.js';
import { JourneesQuebecEvent } from './journees-quebec-event.entity.js';

/** The SQL of Journées Québec events (no region of their own: every role reads them). */
@Injectable()
export class JourneesQuebecEventRepository extends repositoryOf(JourneesQuebecEvent) {
  /** The event, locked FOR SHARE: its status and deadline cannot change until the transaction ends. */
  forShare(id: string): Promise<JourneesQuebecEvent | null> {
    return this.select('event').where('event.id = :id', { id }).setLock('pessimistic_read').getOne();
  }

  /** Events, the latest first; `from`/`to` keep the events whose days intersect that interval. */
  list(args: JourneesQuebecEventsArgs, nodes: CompiledNodes | null = null): Promise<Page<JourneesQuebecEvent>> {
    const filter = args.filter ?? {};
    const query = this.select('event');
    if (filter.status?.length) query.andWhere('event.status IN (:...status)', { status: filter.status });
    if (filter.mode?.length) query.andWhere('event.mode IN (:...mode)', { mode: filter.mode });
    if (filter.from) query.andWhere('event.ends_on >= :from', { from: filter.from });
    if (filter.to) query.andWhere('event.starts_on <= :to', { to: filter.to });
    if (filter.country) {
      query.andWhere('lower(crm_unaccent(event.country)) = lower(crm_unaccent(:country))', { country: filter.country });
    }
    return paginate(query, args, [desc('event.starts_on'), asc('event.id')], nodes);
  }
}
