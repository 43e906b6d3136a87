import type { EntityManager, EntityTarget, ObjectLiteral, QueryDeepPartialEntity } from 'typeorm';
import { StaleVersionError } from '../errors/domain.errors.js';

/**
 * Optimistic concurrency: `UPDATE … SET …, version = version + 1 WHERE <key> AND version = :version`, with the
 * row count checked. Two writers holding the same version cannot both succeed: the second one's UPDATE
 * re-reads the row after the first commits, matches nothing, and is refused with CONFLICT.
 */
export async function updateWithVersion<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  key: Record<string, unknown>,
  version: number,
  changes: QueryDeepPartialEntity<T>,
  entityType: string,
): Promise<void> {
  const result = await manager
    .createQueryBuilder()
    .update(entity)
    .set({ ...changes, version: () => 'version + 1', updatedAt: () => 'now()' } as QueryDeepPartialEntity<T>)
    .where(key)
    .andWhere('version = :expectedVersion', { expectedVersion: version })
    .execute();
  if (result.affected !== 1) throw new StaleVersionError(entityType, String(Object.values(key)[0]));
}
