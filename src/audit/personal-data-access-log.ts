import { Injectable, Logger } from '@nestjs/common';
import { responsePathAsArray, type GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../auth/request-context.js';
import { LoaderDefinition } from '../database/batch-loaders.js';
import type { Page } from '../database/keyset-pagination.js';
import { DomainError } from '../errors/domain.errors.js';
import { ErrorCode } from '../errors/error-code.js';
import { AuditRepository, type AccessLogFilter } from './audit.repository.js';
import type { PersonalInformationAccess } from './personal-information-access.entity.js';

/** A contact whose personal fields are about to be returned to a client. */
export interface PersonalDataSubject {
  id: string;
  companyId: string;
}

/** Through what personal information was returned: schema field, response path (no list indices), operation. */
export interface AccessChannel {
  via: string;
  path: string;
  operationName: string | null;
}

export function accessChannelOf(info: GraphQLResolveInfo): AccessChannel {
  const path = responsePathAsArray(info.path)
    .filter((key): key is string => typeof key === 'string')
    .join('.');
  const name = info.operation.name?.value;
  return {
    via: `${info.parentType.name}.${info.fieldName}`.slice(0, 120),
    path: path.slice(0, 300),
    operationName: `${info.operation.operation}${name ? ` ${name}` : ''}`.slice(0, 100),
  };
}

/** The read is refused because its trace could not be written (Loi 25: no untraced access). */
export class PersonalDataAccessNotLoggedError extends DomainError {
  readonly code = ErrorCode.INTERNAL_SERVER_ERROR;

  constructor() {
    super('privacy.accessNotLogged');
  }
}

interface PendingRead {
  subjects: readonly PersonalDataSubject[];
  channel: AccessChannel;
}

/**
 * Logs every return of contacts' personal information to a client in `personal_information_access_log`.
 *
 * - One multi-row INSERT per call or per DataLoader batch (`reads`: every `Company.contacts` of a page lands in
 *   the same tick, hence one statement per request), never one per contact; nothing when no contact is returned.
 * - Written through `UnitOfWork.manager`: inside a mutation it joins the mutation's transaction (the trace commits
 *   with the data, or neither does); in a query it is one autocommit statement on the primary, awaited before the
 *   contacts are handed to GraphQL, so the trace is durable before the client can read anything.
 * - If the INSERT fails, the read fails: the field answers an error (INTERNAL_SERVER_ERROR, `privacy.accessNotLogged`)
 *   instead of the contacts. A public body would rather refuse a read than lose its trace.
 */
@Injectable()
export class PersonalDataAccessLog {
  private readonly logger = new Logger('PersonalDataAccessLog');

  constructor(private readonly repository: AuditRepository) {}

  /** Per request: what one tick of resolvers returns is logged by one INSERT (`loaders.load(reads, …)`). */
  readonly reads = new LoaderDefinition<PendingRead, true>('personalDataReads', async (pending, ctx) => {
    await this.write(
      ctx,
      pending.flatMap(({ subjects, channel }) => subjects.map((subject) => ({ subject, channel }))),
    );
    return pending.map(() => true as const);
  });

  /** Logs contacts returned outside a DataLoader (a mutation's result, an export). */
  async record(ctx: RequestContext, subjects: readonly PersonalDataSubject[], channel: AccessChannel): Promise<void> {
    await this.write(
      ctx,
      subjects.map((subject) => ({ subject, channel })),
    );
  }

  private async write(
    ctx: RequestContext | null,
    reads: { subject: PersonalDataSubject; channel: AccessChannel }[],
  ): Promise<void> {
    const rows = new Map<string, { subject: PersonalDataSubject; channel: AccessChannel }>();
    for (const read of reads) {
      rows.set(`${read.subject.id}|${read.channel.via}|${read.channel.path}|${read.channel.operationName}`, read);
    }
    if (rows.size === 0) return;
    const list = [...rows.values()];
    try {
      await this.repository.insertAccesses(
        ctx?.actorId ?? null,
        ctx?.requestId ?? null,
        list.map(({ subject, channel }) => ({ contactId: subject.id, companyId: subject.companyId, ...channel })),
      );
    } catch (error) {
      this.logger.error(
        { err: error, requestId: ctx?.requestId, contacts: list.length },
        'personal information access could not be logged: the read is refused',
      );
      throw new PersonalDataAccessNotLoggedError();
    }
  }

  /** The access log, most recent first (ADMIN: the resolver checks). */
  page(filter: AccessLogFilter, page: { first?: number; after?: string | null }): Promise<Page<PersonalInformationAccess>> {
    return this.repository.accessPage(filter, page);
  }

  /** Every access to one contact's personal information, oldest first. */
  accessesOf(contactId: string): Promise<PersonalInformationAccess[]> {
    return this.repository.accessesOf(contactId);
  }
}
