import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { IdempotencyKeys } from './idempotency.js';
import { UnitOfWork } from './unit-of-work.js';

/**
 * Runs every GraphQL mutation (root field of `Mutation`) inside one transaction: the data it writes and its
 * audit rows commit together, or a refusal anywhere rolls everything back. With an `Idempotency-Key` header, the
 * key is claimed and the result stored in that same transaction, and a replay answers the first result.
 */
@Injectable()
export class MutationTransactionInterceptor implements NestInterceptor {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly idempotency: IdempotencyKeys,
  ) {}

  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (execution.getType<GqlContextType>() !== 'graphql') return next.handle();
    const gql = GqlExecutionContext.create(execution);
    const info = gql.getInfo<{ parentType: { name: string }; path: { key: string | number } }>();
    if (info.parentType.name !== 'Mutation') return next.handle();
    const context = gql.getContext<GraphQLContext>();
    const header = context.req?.headers['idempotency-key'];
    const key = typeof header === 'string' && header.trim() !== '' ? header.trim() : null;
    const actorId = 'context' in context.auth ? context.auth.context.actorId : null;
    return from(
      this.unitOfWork.run(async () => {
        if (!key || !actorId) return lastValueFrom(next.handle(), { defaultValue: undefined });
        const operation = String(info.path.key);
        const replay = await this.idempotency.claim(actorId, key, operation, IdempotencyKeys.requestHash(gql.getArgs()));
        if (replay.replayed) return replay.result;
        const result = await lastValueFrom(next.handle(), { defaultValue: undefined });
        await this.idempotency.store(actorId, key, operation, result);
        return result;
      }),
    );
  }
}
