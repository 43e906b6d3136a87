import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { cloneDatabase, databaseUrl, dropDatabase } from '../src/database/database-admin.js';
import { dumpSchema, SCHEMA_DUMP_FILE } from '../src/database/schema-dump.js';
import { TEST_ENV } from './support/test-database.js';

/** db/schema.sql against a copy of the run's template database: migrated, and touched by nothing else. */
describe('db/schema.sql', () => {
  const adminUrl = process.env[TEST_ENV.adminUrl]!;
  const name = `${process.env[TEST_ENV.runPrefix]}schema_${randomBytes(3).toString('hex')}`;
  let client: pg.Client;
  const dump = () => dumpSchema(async (sql, parameters) => (await client.query(sql, parameters)).rows);

  beforeAll(async () => {
    await cloneDatabase(adminUrl, process.env[TEST_ENV.template]!, name);
    client = new pg.Client({ connectionString: databaseUrl(adminUrl, name) });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await dropDatabase(adminUrl, name);
  });

  it('is the schema the migrations give (run `npm run db:schema` when this fails)', async () => {
    expect(readFileSync(join(process.cwd(), SCHEMA_DUMP_FILE), 'utf8')).toBe(await dump());
  });

  it('changes with the schema (here a column added by hand)', async () => {
    await client.query(`ALTER TABLE regions ADD COLUMN schema_dump_probe integer`);
    const dumped = await dump();
    expect(dumped).toContain('schema_dump_probe integer');
    expect(readFileSync(join(process.cwd(), SCHEMA_DUMP_FILE), 'utf8')).not.toBe(dumped);
  });
});
