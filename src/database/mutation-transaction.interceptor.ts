import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import {
  getDirectiveValues,
  getNamedType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { BadUserInputError } from '../errors/domain.errors.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { IdempotencyKeys } from './idempotency.js';
import { IdempotentReplays } from './idempotent-replays.js';
import { UnitOfWork } from './unit-of-work.js';

/** The response keys of the operation's root fields (`__typename` aside), @skip/@include applied. */
function rootFields(info: GraphQLResolveInfo, selectionSet: SelectionSetNode = info.operation.selectionSet, keys = new Set<string>()): Set<string> {
  for (const selection of selectionSet.selections) {
    const skipped =
      getDirectiveValues(GraphQLSkipDirective, selection, info.variableValues)?.if === true ||
      getDirectiveValues(GraphQLIncludeDirective, selection, info.variableValues)?.if === false;
    if (skipped) continue;
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value !== '__typename') keys.add(selection.alias?.value ?? selection.name.value);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      rootFields(info, selection.selectionSet, keys);
    } else {
      const fragment = info.fragments[selection.name.value];
      if (fragment) rootFields(info, fragment.selectionSet, keys);
    }
  }
  return keys;
}

/**
 * Runs every GraphQL mutation (root field of `Mutation`) inside one transaction: the data it writes and its
 * audit rows commit together, or a refusal anywhere rolls everything back.
 *
 * With an `Idempotency-Key` header, the key is claimed for this advisor and this operation (the mutation field and
 * its arguments, aliases aside) in that same transaction, and the outcome (the result's type and key, no values)
 * stored with the writes. A replay runs nothing: its outcome is read again through the module's normal read
 * (IdempotentReplays), so the caller's role (checked by the guard before this runs) and regions apply as they are
 * now, and personal information shown is logged like any read. A document with several mutation fields under one
 * key is refused (BAD_USER_INPUT on Idempotency-Key): one key, one operation; so is a key on a mutation whose result
 * cannot be read again (`developmentSignIn`'s token).
 */
@Injectable()
export class MutationTransactionInterceptor implements NestInterceptor {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly idempotency: IdempotencyKeys,
    private readonly replays: IdempotentReplays,
  ) {}

  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (execution.getType<GqlContextType>() !== 'graphql') return next.handle();
    const gql = GqlExecutionContext.create(execution);
    const info = gql.getInfo<GraphQLResolveInfo>();
    if (info.parentType.name !== 'Mutation') return next.handle();
    const context = gql.getContext<GraphQLContext>();
    const header = context.req?.headers['idempotency-key'];
    const key = typeof header === 'string' && header.trim() !== '' ? header.trim() : null;
    const ctx = 'context' in context.auth ? context.auth.context : null;
    return from(
      this.unitOfWork.run(async () => {
        if (!key || !ctx?.actorId) return lastValueFrom(next.handle(), { defaultValue: undefined });
        if (rootFields(info).size > 1) throw BadUserInputError.field('Idempotency-Key', 'idempotency.oneMutation');
        if (!this.replays.canReplay(getNamedType(info.returnType).name)) {
          throw BadUserInputError.field('Idempotency-Key', 'idempotency.notReplayable', { field: info.fieldName });
        }
        const operation = info.fieldName;
        const claim = await this.idempotency.claim(ctx.actorId, key, operation, IdempotencyKeys.requestHash(operation, gql.getArgs()));
        if (claim.replayed) return this.replays.replay(ctx, key, claim.outcome, info);
        const result = await lastValueFrom(next.handle(), { defaultValue: undefined });
        await this.idempotency.store(ctx.actorId, key, this.replays.outcomeOf(result, info));
        return result;
      }),
    );
  }
}
