import type { DataSource } from 'typeorm';

/**
 * Runs `work` while holding a PostgreSQL advisory lock that every instance of the service (and `npm run
 * migration:run`) takes around the steps that change the schema or seed data: instances started together on one
 * database take turns, so each migration runs once and the later ones find nothing left to do. The lock is held
 * by one connection of the pool and freed with it, even if the process dies.
 */
export async function withStartupLock<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner('master');
  await runner.connect();
  try {
    await runner.query(`SELECT pg_advisory_lock(hashtext('crm-immigration-regionale:start-up'))`);
    return await work();
  } finally {
    await runner.query(`SELECT pg_advisory_unlock(hashtext('crm-immigration-regionale:start-up'))`).catch(() => undefined);
    await runner.release();
  }
}
