// Drops this run's template and any database a crashed test file left, then stops the embedded server.
import { dropDatabase, withClient } from '../../dist/src/database/database-admin.js';

export default async function globalTeardown() {
  const adminUrl = process.env.CRM_TEST_ADMIN_URL;
  const template = process.env.CRM_TEST_TEMPLATE;
  if (adminUrl && template) {
    const leftovers = await withClient(adminUrl, async (client) =>
      (await client.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${process.env.CRM_TEST_RUN_PREFIX}%`])).rows,
    );
    for (const row of leftovers) await dropDatabase(adminUrl, row.datname);
    await dropDatabase(adminUrl, template);
  }
  await globalThis.crmTestServer?.stop();
}
