import { Injectable } from '@nestjs/common';
import { getNamedType, isObjectType, isScalarType, type GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../auth/request-context.js';
import { DomainError, NotFoundError } from '../errors/domain.errors.js';
import { ErrorCode } from '../errors/error-code.js';
import type { Outcome } from './idempotency.js';

/**
 * Reads a mutation's result again for a replay, as the caller may see it now: the same service read as the
 * module's query by id (region scope applied; null or NOT_FOUND when out of scope or gone), and, for personal
 * information, the same access-log entry as any read. `info` is the replayed mutation field's.
 */
export type ReplayReader = (ctx: RequestContext, key: string, info: GraphQLResolveInfo) => Promise<object | null>;

interface Registration {
  read: ReplayReader;
  /** The property of the result that identifies it (`id`, or `code` for regions and directions). */
  keyField: string;
}

/** Scalars a mutation may answer: kept as their value, which identifies the result without more. */
const SCALARS: Record<string, (key: string) => unknown> = {
  ID: (key) => key,
  String: (key) => key,
  Int: (key) => Number(key),
  Boolean: (key) => key === 'true',
};

/** The replayed request's result no longer exists, or the caller may no longer see it. */
export class ReplayOutcomeGoneError extends DomainError {
  readonly code = ErrorCode.NOT_FOUND;

  constructor(key: string) {
    super('idempotency.outcomeGone', { key });
  }
}

/**
 * The replay side of Idempotency-Key: how a mutation's result is identified (`outcomeOf`) and read again
 * (`replay`). Each domain module registers a reader for the object types its mutations answer (in the resolver
 * that owns the type, at module init); the foundation knows none of them. A mutation answering a type with no
 * reader cannot be replayed: test/idempotency.e2e-spec.ts checks that every mutation of the schema can.
 */
@Injectable()
export class IdempotentReplays {
  private readonly readers = new Map<string, Registration>();

  register(typeName: string, read: ReplayReader, keyField = 'id'): void {
    this.readers.set(typeName, { read, keyField });
  }

  /** Whether results of this GraphQL type (object or scalar) can be replayed. */
  canReplay(typeName: string): boolean {
    return this.readers.has(typeName) || typeName in SCALARS;
  }

  /** What identifies `result`, the value the mutation field `info` answered. */
  outcomeOf(result: unknown, info: GraphQLResolveInfo): Outcome | null {
    if (result === null || result === undefined) return null;
    const type = getNamedType(info.returnType);
    if (isScalarType(type) && type.name in SCALARS) return { type: type.name, key: String(result) };
    const registration = isObjectType(type) ? this.readers.get(type.name) : undefined;
    const key = registration ? (result as Record<string, unknown>)[registration.keyField] : undefined;
    if (!registration || (typeof key !== 'string' && typeof key !== 'number')) {
      throw new Error(`Idempotency-Key: no replay reader for ${type.name} (register one with IdempotentReplays.register)`);
    }
    return { type: type.name, key: String(key) };
  }

  /** The stored outcome, read again for the caller; ReplayOutcomeGoneError (NOT_FOUND) when they cannot read it now. */
  async replay(ctx: RequestContext, idempotencyKey: string, outcome: Outcome | null, info: GraphQLResolveInfo): Promise<unknown> {
    if (outcome === null) return null;
    const scalar = SCALARS[outcome.type];
    if (scalar) return scalar(outcome.key);
    const registration = this.readers.get(outcome.type);
    if (!registration) throw new Error(`Idempotency-Key: no replay reader for ${outcome.type}`);
    const result = await registration.read(ctx, outcome.key, info).catch((error: unknown) => {
      if (error instanceof NotFoundError) return null;
      throw error;
    });
    if (result === null) throw new ReplayOutcomeGoneError(idempotencyKey);
    return result;
  }
}
