import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DataSource } from 'typeorm';
import { projectRoot } from '../common/project-root.js';
import { databaseUrl, dropDatabase, withClient } from '../database/database-admin.js';
import { dataSourceOptions } from '../database/data-source-options.js';
import { quoteIdentifier } from '../database/embedded-postgres.server.js';
import { dumpSchema, SCHEMA_DUMP_FILE } from '../database/schema-dump.js';
import { fail, withCliDatabase } from './cli-database.js';

/**
 * `npm run db:schema`: applies the migrations to a scratch database on DATABASE_URL's server (or the embedded
 * PostgreSQL), writes its schema to db/schema.sql (see dumpSchema) and drops the scratch database.
 */
async function main(): Promise<void> {
  await withCliDatabase(async (_dataSource, server) => {
    const scratch = `crm_schema_${process.pid}`;
    await withClient(server.urls.url, (client) => client.query(`CREATE DATABASE ${quoteIdentifier(scratch)}`));
    try {
      const migrated = new DataSource({ ...dataSourceOptions({ url: databaseUrl(server.urls.url, scratch) }), logging: ['error'] });
      await migrated.initialize();
      try {
        await migrated.runMigrations({ transaction: 'each' });
        const file = join(projectRoot(), SCHEMA_DUMP_FILE);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, await dumpSchema((sql, parameters) => migrated.query(sql, parameters)));
        process.stdout.write(`${file} écrit\n`);
      } finally {
        await migrated.destroy();
      }
    } finally {
      await dropDatabase(server.urls.url, scratch);
    }
  }, { requireMigrated: false }); // a scratch database on the server: the one connected to may be anything
}

main().catch(fail);
