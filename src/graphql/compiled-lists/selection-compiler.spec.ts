import { buildSchema, Kind, parse, type FieldNode, type FragmentDefinitionNode, type GraphQLObjectType, type OperationDefinitionNode } from 'graphql';
import type { EntityMetadata } from 'typeorm';
import { RequestContext } from '../../auth/request-context.js';
import { Role } from '../../auth/role.js';
import { SelectionCompiler, type SchemaCatalogue } from './selection-compiler.js';
import type { SqlFieldSpec } from './sql-relation.decorator.js';

const schema = buildSchema(`
  type Query { shops: [Shop!]! }
  type Shop { id: ID! name: String! openedAt: String! region: Region! staff(first: Int): [Person!]! label: String! }
  type Region { code: String! name: String! }
  type Person { id: ID! name: String! }
`);

/** Entities as TypeORM describes them: a table and columns by property name. */
const entity = (tableName: string, columns: Record<string, string>) =>
  ({
    tableName,
    findColumnWithPropertyName: (name: string) =>
      columns[name] ? { databaseName: name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), type: columns[name] } : undefined,
  }) as unknown as EntityMetadata;

const specs: Record<string, SqlFieldSpec> = {
  'Shop.region': { kind: 'one', to: () => Object, where: ({ parent, row }) => `${row}.code = ${parent}.region_code` },
  'Shop.staff': {
    kind: 'many',
    to: () => Object,
    where: ({ parent, row, bind }) => `${row}.shop_id = ${parent}.id AND ${row}.region = ANY(${bind(({ ctx }) => ctx.scopeRegionCodes)})`,
    orderBy: (row) => `${row}.name`,
    limit: ({ bind }) => bind(({ args }) => args.first ?? 20),
  },
};

const catalogue: SchemaCatalogue = {
  entity: (name) =>
    ({
      Shop: entity('shops', { id: 'uuid', name: 'varchar', openedAt: 'timestamptz' }),
      Region: entity('regions', { code: 'varchar', name: 'varchar' }),
      Person: entity('people', { id: 'uuid', name: 'varchar' }),
    })[name],
  sqlOf: (type, field) => specs[`${type}.${field}`],
  hasResolver: (type, field) => ['Shop.region', 'Shop.staff', 'Shop.label'].includes(`${type}.${field}`),
};

/** The plan of the selection under `shops` in `document`. */
function plan(document: string) {
  const parsed = parse(document);
  const operation = parsed.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    parsed.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const root = operation.selectionSet.selections[0] as FieldNode;
  return SelectionCompiler.compile(catalogue, schema.getType('Shop') as GraphQLObjectType, [root], fragments);
}

const advisor = new RequestContext({ id: 'a', email: 'a@x.ca', role: Role.ADVISOR, regionCodes: ['13'], directionCode: null }, 'r');

describe('SelectionCompiler', () => {
  it('builds one JSON object per row: columns by response key, relations as subqueries, the mark first', () => {
    const compiled = plan(`{ shops { id title: name openedAt region { name } } }`)!;
    expect(compiled.table).toBe('"shops"');
    expect(compiled.json).toBe(
      `json_build_object('$', true, 'id', t0."id", 'title', t0."name", 'openedAt', ` +
        `to_char(t0."opened_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), ` +
        `'region', (SELECT json_build_object('$', true, 'name', t1."name") FROM "regions" t1 WHERE t1.code = t0.region_code LIMIT 1))`,
    );
    expect(compiled.parameters).toHaveLength(0);
  });

  it('binds the caller and the arguments per request, variables applied', () => {
    const compiled = plan(`query ($n: Int) { shops { staff(first: $n) { name } } }`)!;
    expect(compiled.json).toContain(`ORDER BY t1.name LIMIT $2) t1`);
    const values = compiled.parameters.map((parameter) => parameter({ ctx: advisor, variables: { n: 3 } }));
    expect(values).toEqual([['13'], 3]);
    expect(compiled.parameters.map((parameter) => parameter({ ctx: advisor, variables: {} }))).toEqual([['13'], 20]);
  });

  it('follows fragments and inline fragments, and merges a field asked twice under one key', () => {
    const compiled = plan(`{ shops { ...a ... on Shop { name region { code } } region { name } } } fragment a on Shop { id }`)!;
    expect(compiled.json).toContain(`'id', t0."id", 'name', t0."name", 'region', (SELECT json_build_object('$', true, 'code', t1."code", 'name', t1."name")`);
  });

  it.each([
    ['a field a resolver computes without declared SQL', `{ shops { label } }`],
    ['a directive', `query ($x: Boolean!) { shops { name @include(if: $x) } }`],
    ['one key for two different fields', `{ shops { x: name ...f } } fragment f on Shop { x: id }`],
  ])('does not compile %s (the resolvers answer)', (_what, document) => {
    expect(plan(document)).toBeNull();
  });
});
