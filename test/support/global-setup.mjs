// Once per `npm test` (after `npm run build`, which `pretest` runs): finds a PostgreSQL — DATABASE_URL, or an
// embedded one started here — then applies the real migrations and reference data once into a template
// database that every test file clones. Plain JS on the compiled code, because Jest loads this file natively.
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { databaseUrl, dropDatabase, withClient } from '../../dist/src/database/database-admin.js';
import { dataSourceOptions } from '../../dist/src/database/data-source-options.js';
import { freePort, startEmbeddedPostgres } from '../../dist/src/database/embedded-postgres.server.js';
import { seedReferenceData } from '../../dist/src/reference-data/reference-data.seeder.js';

export default async function globalSetup() {
  let adminUrl;
  if (process.env.DATABASE_URL) {
    adminUrl = process.env.DATABASE_URL;
  } else {
    const server = await startEmbeddedPostgres({
      directory: join(process.cwd(), '.data', 'test-postgres'),
      port: await freePort(),
      database: 'postgres',
    });
    globalThis.crmTestServer = server;
    adminUrl = server.adminUrl;
  }
  const template = `crm_test_template_${process.pid}`;
  await dropDatabase(adminUrl, template);
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${template}`));
  const dataSource = new DataSource(dataSourceOptions({ url: databaseUrl(adminUrl, template) }));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    await seedReferenceData(dataSource);
  } finally {
    await dataSource.destroy();
  }
  process.env.CRM_TEST_ADMIN_URL = adminUrl;
  process.env.CRM_TEST_TEMPLATE = template;
  process.env.CRM_TEST_RUN_PREFIX = `crm_test_${process.pid}_`;
}
