import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConflictError, BadUserInputError } from '../errors/domain.errors.js';
import { UnitOfWork } from './unit-of-work.js';

/** A stored first result, given back on a replay. */
export type Replay = { replayed: true; result: unknown } | { replayed: false };

/** How long a stored result is kept for replays; older keys are purged (start-up, privacy:retention). */
export const IDEMPOTENCY_KEY_LIFETIME = '1 day';

const KEY = /^[A-Za-z0-9._:-]{1,200}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** The stored result as the resolver returned it: JSON turned timestamps (Date) into strings; turn them back. */
function revive(value: unknown): unknown {
  if (typeof value === 'string') return TIMESTAMP.test(value) ? new Date(value) : value;
  if (Array.isArray(value)) return value.map(revive);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(v)]));
  }
  return value;
}

/**
 * `Idempotency-Key` for mutations, inside the mutation's transaction: the first request with a key claims it
 * (a concurrent one with the same key waits on the row, then sees the committed result), runs, and stores its
 * result with its writes; a replay with the same payload gets that result and writes nothing; the same key with
 * another payload is refused with CONFLICT. Keys are per advisor and per mutation field.
 */
@Injectable()
export class IdempotencyKeys {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  static requestHash(args: unknown): string {
    return createHash('sha256').update(JSON.stringify(args ?? null)).digest('hex');
  }

  /** Claims the key for this request, or finds the first result. Call inside the mutation's transaction. */
  async claim(actorId: string, key: string, operation: string, hash: string): Promise<Replay> {
    if (!KEY.test(key)) throw BadUserInputError.field('Idempotency-Key', 'idempotency.invalidKey');
    const db = this.unitOfWork.manager;
    const inserted: unknown[] = await db.query(
      `INSERT INTO idempotency_keys (actor_id, key, operation, request_hash) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING key`,
      [actorId, key, operation, hash],
    );
    if (inserted.length === 1) return { replayed: false };
    const [first] = (await db.query(
      `SELECT request_hash, response FROM idempotency_keys WHERE actor_id = $1 AND key = $2 AND operation = $3`,
      [actorId, key, operation],
    )) as { request_hash: string; response: unknown }[];
    if (!first || first.request_hash !== hash) throw new ConflictError('idempotency.keyReused', { key });
    return { replayed: true, result: revive(first.response) };
  }

  /** Deletes the keys past their lifetime (only counts them when `countOnly`); returns how many. */
  async purgeExpired(countOnly = false): Promise<number> {
    const expired = `idempotency_keys WHERE created_at < now() - interval '${IDEMPOTENCY_KEY_LIFETIME}'`;
    const [{ n }] = (await this.unitOfWork.manager.query(
      countOnly ? `SELECT count(*)::int AS n FROM ${expired}` : `WITH gone AS (DELETE FROM ${expired} RETURNING 1) SELECT count(*)::int AS n FROM gone`,
    )) as [{ n: number }];
    return n;
  }

  /** Stores the result of the request that claimed the key (same transaction as its writes). */
  async store(actorId: string, key: string, operation: string, result: unknown): Promise<void> {
    await this.unitOfWork.manager.query(
      `UPDATE idempotency_keys SET response = $4 WHERE actor_id = $1 AND key = $2 AND operation = $3`,
      [actorId, key, operation, JSON.stringify(result ?? null)],
    );
  }
}
