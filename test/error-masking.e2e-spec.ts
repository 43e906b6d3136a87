import { createCompany } from './support/factories.js';
import { TEST_ADMIN_EMAIL, TestApp } from './support/test-app.js';

/**
 * Forced failures: whatever breaks inside, a client never sees SQL, driver text, stack traces, file paths or
 * table names — only an error written for clients, or a masked INTERNAL_SERVER_ERROR.
 */
const LEAK = /SELECT |INSERT |UPDATE |DELETE |relation "|violates|constraint|QueryFailedError|at .*\.ts:|\/work\/|node_modules|stack/i;

/** Words a masked body must not contain either: our fake secret, the objects the test created, PostgreSQL codes. */
const SECRETS = /secret|vault_credentials|masking_test|P0001|23514|23505|42703|plpgsql|typeorm|pg-protocol|Error: |\n\s+at /i;

interface RawResponse {
  status: number;
  text: string;
  json: any;
}

describe('error masking', () => {
  let app: TestApp;
  let token: string;
  let tables: string[];

  beforeAll(async () => {
    app = await TestApp.start();
    // Terminating the service's connections also ends idle ones of this test's pool: let it just reconnect.
    app.database.on('error', () => undefined);
    token = await TestApp.token(TEST_ADMIN_EMAIL);
    tables = (
      await app.sql<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
      )
    ).map((row) => row.table_name);
  });
  afterAll(() => app?.close());

  async function post(body: string, headers: Record<string, string> = {}): Promise<RawResponse> {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
      body,
    });
    const text = await response.text();
    let json: any;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    return { status: response.status, text, json };
  }

  const graphql = (query: string, variables?: Record<string, unknown>) => post(JSON.stringify({ query, variables }));

  /** The body leaks nothing, and the messages and extensions name no table (paths may name GraphQL fields). */
  function expectNoLeak(response: RawResponse) {
    expect(response.text).not.toMatch(LEAK);
    expect(response.text).not.toMatch(SECRETS);
    for (const error of response.json?.errors ?? []) {
      const told = JSON.stringify({ message: error.message, extensions: error.extensions });
      for (const table of tables) expect(told).not.toContain(table);
    }
  }

  const codeOrBody = (response: RawResponse): string =>
    response.json?.errors?.[0]?.extensions?.code ?? `HTTP ${response.status}: ${response.text.slice(0, 1500)}`;

  function expectMaskedInternal(response: RawResponse, codes = ['INTERNAL_SERVER_ERROR']) {
    expect(response.json).not.toBeNull();
    expect(response.json.errors).toHaveLength(1);
    expect(codes).toContain(response.json.errors[0].extensions.code);
    expect(Object.keys(response.json.errors[0].extensions)).toEqual(['code']);
    expectNoLeak(response);
  }

  const CREATE_COMPANY = `mutation ($input: CreateCompanyInput!) { createCompany(input: $input) { id } }`;
  const ADD_CONTACT = `mutation ($input: AddCompanyContactInput!) { addCompanyContact(input: $input) { id } }`;

  describe('(a) a constraint violation the service does not translate', () => {
    it('answers a CHECK violation as a masked INTERNAL_SERVER_ERROR, writing nothing', async () => {
      await app.sql(`ALTER TABLE companies ADD CONSTRAINT masking_test_check CHECK (municipality IS DISTINCT FROM 'Interdite') NOT VALID`);
      try {
        const companies = await app.count('companies');
        const audit = await app.count('audit_log');
        const response = await graphql(CREATE_COMPANY, {
          input: { legalName: 'Entreprise Interdite', regionCode: '13', municipality: 'Interdite', confirmNotDuplicate: true },
        });
        expectMaskedInternal(response);
        expect(response.json.data).toBeNull();
        expect(response.json.errors[0].path).toEqual(['createCompany']);
        expect(response.json.errors[0].message).toBe('Une erreur interne est survenue. Elle a été journalisée ; réessayez plus tard.');
        expect(await app.count('companies')).toBe(companies);
        expect(await app.count('audit_log')).toBe(audit);
      } finally {
        await app.sql(`ALTER TABLE companies DROP CONSTRAINT IF EXISTS masking_test_check`);
      }
    });

    it('answers a unique violation that names a constraint the service translates, but is not that one, as masked', async () => {
      // A trigger raises 23505 naming companies_neq_key although no company has the NEQ: the service's translation
      // finds nothing to report and must rethrow, masked.
      await app.sql(`
        CREATE FUNCTION masking_test_fake_unique() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'duplicate key value violates unique constraint "companies_neq_key" (SELECT secret FROM vault_credentials)'
            USING ERRCODE = '23505', CONSTRAINT = 'companies_neq_key', TABLE = 'companies';
        END $$`);
      await app.sql(`CREATE TRIGGER masking_test_fake_unique BEFORE INSERT ON companies FOR EACH ROW
                       WHEN (NEW.neq = '1199999999') EXECUTE FUNCTION masking_test_fake_unique()`);
      try {
        const response = await graphql(CREATE_COMPANY, {
          input: { legalName: 'Entreprise Unique', neq: '1199999999', regionCode: '13', confirmNotDuplicate: true },
        });
        expectMaskedInternal(response);
      } finally {
        await app.sql(`DROP TRIGGER IF EXISTS masking_test_fake_unique ON companies`);
        await app.sql(`DROP FUNCTION IF EXISTS masking_test_fake_unique()`);
      }
    });
  });

  describe('(b) dropped database connections', () => {
    it('answers normally or with a masked error right after the connections are terminated, and normally again a moment later', async () => {
      const query = `{ regions { code } me { email } }`;
      expect((await graphql(query)).json.data.regions).toHaveLength(17);
      for (let round = 0; round < 3; round += 1) {
        await app.sql(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
        );
        const right = await graphql(query);
        if (right.json?.errors) {
          // SERVICE_UNAVAILABLE is the product's masked code for an unreachable database (src/errors/error-code.ts).
          expectMaskedInternal(right, ['INTERNAL_SERVER_ERROR', 'SERVICE_UNAVAILABLE', 'UNAUTHENTICATED']);
        } else {
          expect(right.json.data.regions).toHaveLength(17);
        }
        expectNoLeak(right);

        const mutation = await graphql(CREATE_COMPANY, {
          input: { legalName: `Entreprise Reconnectée ${round}-${Date.now()}`, regionCode: '13', confirmNotDuplicate: true },
        });
        if (mutation.json?.errors) expectMaskedInternal(mutation, ['INTERNAL_SERVER_ERROR', 'SERVICE_UNAVAILABLE']);
        expectNoLeak(mutation);

        let recovered: RawResponse | null = null;
        for (let attempt = 0; attempt < 20 && !recovered; attempt += 1) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          const again = await graphql(query);
          if (!again.json?.errors) recovered = again;
          else expectNoLeak(again);
        }
        expect(recovered?.json.data.regions).toHaveLength(17);
        expect(recovered?.json.data.me.email).toBe(TEST_ADMIN_EMAIL);
      }
      const health = await fetch(`${app.url}/health/ready`);
      expect(health.status).toBe(200);
    });
  });

  describe('(c) a thrown bug', () => {
    it('masks an exception raised with SQL, a fake stack trace and file paths in its text, detail and hint', async () => {
      const company = await createCompany(app);
      await app.sql(`
        CREATE FUNCTION masking_test_raise() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION E'SELECT secret FROM vault_credentials WHERE owner = ''admin''\\n    at CompanyContactsService.addContact (/work/main/src/companies/company-contacts.service.ts:67:17)\\n    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)'
            USING DETAIL = 'relation "vault_credentials" stack: /work/main/node_modules/typeorm/driver/postgres/PostgresQueryRunner.js:219',
                  HINT = 'QueryFailedError: UPDATE advisors SET role = ''ADMIN''';
        END $$`);
      await app.sql(`CREATE TRIGGER masking_test_raise BEFORE INSERT ON company_contacts FOR EACH ROW
                       WHEN (NEW.first_name = 'Déclencheur') EXECUTE FUNCTION masking_test_raise()`);
      try {
        const contacts = await app.count('company_contacts');
        for (const locale of ['fr', 'en']) {
          const response = await post(JSON.stringify({ query: ADD_CONTACT, variables: { input: { companyId: company.id, firstName: 'Déclencheur', lastName: 'Bogue' } } }), {
            'accept-language': locale,
          });
          expectMaskedInternal(response);
          expect(response.text).not.toContain(' at ');
        }
        expect(await app.count('company_contacts')).toBe(contacts);
      } finally {
        await app.sql(`DROP TRIGGER IF EXISTS masking_test_raise ON company_contacts`);
        await app.sql(`DROP FUNCTION IF EXISTS masking_test_raise()`);
      }
    });

    it('masks a query that fails in a root field and in a relation resolved through a DataLoader', async () => {
      await createCompany(app);
      await app.sql(`ALTER TABLE regions RENAME COLUMN name TO masking_test_name`);
      try {
        const root = await graphql(`{ regions { code name } }`);
        expectMaskedInternal(root);
        expect(root.json.errors[0].path).toEqual(['regions']);

        const nested = await graphql(`{ companies(first: 3) { edges { node { legalName region { code name } } } } }`);
        expect(nested.json.errors.length).toBeGreaterThan(0);
        for (const error of nested.json.errors) expect(error.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
        expectNoLeak(nested);
      } finally {
        await app.sql(`ALTER TABLE regions RENAME COLUMN masking_test_name TO name`);
      }
      expect((await graphql(`{ regions { code name } }`)).json.data.regions).toHaveLength(17);
    });
  });

  describe('(d) malformed requests', () => {
    const MALFORMED: [string, string, string][] = [
      ['a truncated JSON body', '{"query": "{ regions { code } }"', 'application/json'],
      ['a JSON body that is not an object', '"{ regions { code } }"', 'application/json'],
      ['a JSON body with a trailing comma', '{"query": "{ regions { code } }",}', 'application/json'],
      ['a body of single-quoted pseudo-JSON', "{'query': 'SELECT * FROM advisors'}", 'application/json'],
      ['a query sent as text/plain', JSON.stringify({ query: '{ regions { code } }' }), 'text/plain'],
      ['a query sent as a form', 'query=%7B%20regions%20%7B%20code%20%7D%20%7D', 'application/x-www-form-urlencoded'],
      ['a query sent as XML', '<query>{ regions { code } }</query>', 'application/xml'],
      ['a body without Content-Type', JSON.stringify({ query: '{ regions { code } }' }), ''],
    ];
    const TOO_LARGE = JSON.stringify({ query: '{ regions { code } }', variables: { padding: 'é'.repeat(300_000) } });

    it.each(MALFORMED)('refuses %s with a 4xx that leaks nothing', async (_case, body, contentType) => {
      const response = await post(body, { 'content-type': contentType });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expectNoLeak(response);
    });

    it.each(MALFORMED)('answers %s as a GraphQL error with extensions.code', async (_case, body, contentType) => {
      const response = await post(body, { 'content-type': contentType });
      // When the body is not a GraphQL answer, the failure shows it.
      expect(codeOrBody(response)).toMatch(/^(BAD_REQUEST|BAD_USER_INPUT|GRAPHQL_PARSE_FAILED)$/);
    });

    it('refuses a body larger than the limit with a 413 that leaks nothing', async () => {
      const response = await post(TOO_LARGE);
      expect(response.status).toBe(413);
      expectNoLeak(response);
    });

    it('answers a body larger than the limit as a GraphQL error with extensions.code', async () => {
      expect(codeOrBody(await post(TOO_LARGE))).toMatch(/^(BAD_REQUEST|BAD_USER_INPUT)$/);
    });

    it('refuses a query that does not parse with GRAPHQL_PARSE_FAILED', async () => {
      const response = await graphql(`{ regions { code } SELECT * FROM advisors`);
      expect(response.status).toBe(400);
      expect(response.json.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
      // The parser quotes the offending token (`Unexpected Name "SELECT"`): the client's own text, not the server's.
      expect(response.text).not.toMatch(/\/work\/|node_modules|at .*\.ts:|QueryFailedError|stack/i);
    });
  });

  describe('(e) unknown fields', () => {
    it('refuses a query on an unknown field with GRAPHQL_VALIDATION_FAILED', async () => {
      const response = await graphql(`{ regions { code passwordHash } }`);
      expect(response.status).toBe(400);
      expect(response.json.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(response.json.errors[0].message).toContain('passwordHash');
      expectNoLeak(response);
    });

    it('refuses an unknown input field and an unknown root field', async () => {
      const unknownInput = await graphql(CREATE_COMPANY, { input: { legalName: 'X', regionCode: '13', isAdmin: true } });
      expect(unknownInput.json.errors[0].extensions.code).toMatch(/^(BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED)$/);
      expectNoLeak(unknownInput);
      const unknownRoot = await graphql(`mutation { dropAllTables { id } }`);
      expect(unknownRoot.json.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expectNoLeak(unknownRoot);
    });
  });
});
