import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConflictError, BadUserInputError } from '../errors/domain.errors.js';
import { UnitOfWork } from './unit-of-work.js';

/**
 * What identifies a mutation's result without holding any of its values: the GraphQL type it answered and the
 * record's key (`CompanyContact` and the contact's id), or a scalar type and the value (`ID` and the id removed).
 */
export interface Outcome {
  type: string;
  key: string;
}

/** The claim of a key: new (run the mutation), or already used by the same operation (answer its outcome). */
export type Claim = { replayed: false } | { replayed: true; outcome: Outcome | null };

/** How long a key is kept for replays; older keys are purged (start-up, privacy:retention). */
export const IDEMPOTENCY_KEY_LIFETIME = '1 day';

const KEY = /^[A-Za-z0-9._:-]{1,200}$/;

/**
 * `Idempotency-Key` for mutations, inside the mutation's transaction. A key belongs to one advisor and one
 * operation: the mutation field and its arguments once variables are applied (aliases aside), kept as a SHA-256
 * fingerprint. The first request claims the key (a concurrent one with the same key waits on the row, then sees
 * the committed outcome), runs, and stores its outcome with its writes; a replay of the same operation gets the
 * outcome, which the caller reads again (see MutationTransactionInterceptor); the same key with anything else is
 * CONFLICT. No result is stored, hence no personal information; the fingerprint of a request about a contact is
 * erased when the contact is deleted or anonymized (a trigger of migration IdempotencyOutcomes), after which the
 * key still answers its outcome to the same mutation field.
 */
@Injectable()
export class IdempotencyKeys {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** The fingerprint of one operation: the mutation field and its coerced arguments (key order is the schema's). */
  static requestHash(field: string, args: unknown): string {
    return createHash('sha256').update(JSON.stringify({ field, args: args ?? null })).digest('hex');
  }

  /** Claims the key for this operation, or finds the outcome of the first request. Call inside the mutation's transaction. */
  async claim(actorId: string, key: string, operation: string, hash: string): Promise<Claim> {
    if (!KEY.test(key)) throw BadUserInputError.field('Idempotency-Key', 'idempotency.invalidKey');
    const db = this.unitOfWork.manager;
    const inserted: unknown[] = await db.query(
      `INSERT INTO idempotency_keys (actor_id, key, operation, request_hash) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING key`,
      [actorId, key, operation, hash],
    );
    if (inserted.length === 1) return { replayed: false };
    const [first] = (await db.query(
      `SELECT operation, request_hash, outcome_type, outcome_key FROM idempotency_keys WHERE actor_id = $1 AND key = $2`,
      [actorId, key],
    )) as { operation: string; request_hash: string | null; outcome_type: string | null; outcome_key: string | null }[];
    // Erased fingerprint (the contact it was about is gone or anonymized): the operation alone must match.
    if (!first || first.operation !== operation || (first.request_hash !== null && first.request_hash !== hash)) {
      throw new ConflictError('idempotency.keyReused', { key });
    }
    const outcome = first.outcome_type !== null && first.outcome_key !== null ? { type: first.outcome_type, key: first.outcome_key } : null;
    return { replayed: true, outcome };
  }

  /** Stores the outcome of the request that claimed the key (same transaction as its writes). */
  async store(actorId: string, key: string, outcome: Outcome | null): Promise<void> {
    await this.unitOfWork.manager.query(
      `UPDATE idempotency_keys SET outcome_type = $3, outcome_key = $4 WHERE actor_id = $1 AND key = $2`,
      [actorId, key, outcome?.type ?? null, outcome?.key ?? null],
    );
  }

  /** Deletes the keys past their lifetime (only counts them when `countOnly`); returns how many. */
  async purgeExpired(countOnly = false): Promise<number> {
    const expired = `idempotency_keys WHERE created_at < now() - interval '${IDEMPOTENCY_KEY_LIFETIME}'`;
    const [{ n }] = (await this.unitOfWork.manager.query(
      countOnly ? `SELECT count(*)::int AS n FROM ${expired}` : `WITH gone AS (DELETE FROM ${expired} RETURNING 1) SELECT count(*)::int AS n FROM gone`,
    )) as [{ n: number }];
    return n;
  }
}
