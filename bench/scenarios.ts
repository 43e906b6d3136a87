/**
 * What the benchmark asks, written three ways where it compares: the service's GraphQL (typed operations in
 * operations/benchmark.graphql: BenchmarkAdvisorList, BenchmarkEmployerCounts, BenchmarkRegionalReport), the
 * hand-written SQL that produces the same JSON through `pg`, and PostGraphile's equivalent query.
 */

/** Orders of the page: the service's (NAME: lower(legal_name), id), or PostGraphile's (name_key, id). */
const PAGE_ORDER = { name: 'lower(legal_name), id', nameKey: 'name_key, id' } as const;
export type PageOrder = keyof typeof PAGE_ORDER;

/**
 * The same answer in one statement: the page (in the service's order unless told otherwise), the open files of the
 * advisor's regions newest first, each file's three newest interactions — JSON built by PostgreSQL.
 * $1 region codes of the list, $2 page size, $3 the advisor's regions (the files they may see).
 */
export const advisorListSql = (order: PageOrder = 'name') => `
SELECT json_build_object('data', json_build_object('companies', json_build_object('edges', coalesce(json_agg(
  json_build_object('node', json_build_object(
    'id', c.id, 'legalName', c.legal_name,
    'region', json_build_object('code', r.code, 'name', r.name),
    'accompaniments', (
      SELECT coalesce(json_agg(json_build_object(
               'id', a.id, 'openedOn', a.opened_on,
               'advisor', json_build_object('fullName', adv.full_name),
               'interactions', (
                 SELECT coalesce(json_agg(json_build_object('occurredOn', i.occurred_on, 'kind', i.kind, 'summary', i.summary)
                                          ORDER BY i.occurred_on DESC, i.created_at DESC, i.id DESC), '[]'::json)
                   FROM (SELECT occurred_on, created_at, id, kind, summary FROM interactions
                          WHERE accompaniment_id = a.id
                          ORDER BY occurred_on DESC, created_at DESC, id DESC LIMIT 3) i)
             ) ORDER BY a.opened_on DESC, a.id), '[]'::json)
        FROM accompaniments a JOIN advisors adv ON adv.id = a.advisor_id
       WHERE a.company_id = c.id AND a.status = 'OPEN' AND a.region_code = ANY($3::varchar[]))
  )) ORDER BY c.position), '[]'::json)))) AS body
  FROM (SELECT id, legal_name, region_code, row_number() OVER (ORDER BY ${PAGE_ORDER[order]}) AS position FROM companies
         WHERE region_code = ANY($1::varchar[])
         ORDER BY ${PAGE_ORDER[order]} LIMIT $2) c
  JOIN regions r ON r.code = c.region_code`;

/**
 * PostGraphile v5 (amber preset, its default inflection) for the same list: condition on the region, open files of
 * the region with their advisor and three newest interactions. The preset orders only by indexed columns, so the
 * page is ordered by the normalized name (`name_key`, indexed with the region) rather than lower(legal_name): the
 * same work, on an index that suits PostGraphile at least as well.
 */
export const ADVISOR_LIST_POSTGRAPHILE = `query AdvisorList($first: Int!, $regionCode: String!) {
  allCompanies(first: $first, condition: { regionCode: $regionCode }, orderBy: [NAME_KEY_ASC, PRIMARY_KEY_ASC]) {
    nodes {
      rowId legalName regionByRegionCode { code name }
      accompanimentsByCompanyId(condition: { status: "OPEN", regionCode: $regionCode }, orderBy: [OPENED_ON_DESC]) {
        nodes {
          rowId openedOn advisorByAdvisorId { fullName }
          interactionsByAccompanimentId(first: 3, orderBy: [OCCURRED_ON_DESC, CREATED_AT_DESC, PRIMARY_KEY_DESC]) {
            nodes { occurredOn kind summary }
          }
        }
      }
    }
  }
}`;

/** Counts an advisor-list answer (service, SQL or PostGraphile shape): companies, open files, interactions. */
export interface ListShape {
  companyIds: string[];
  files: number;
  interactions: number;
}

export function serviceListShape(body: unknown): ListShape {
  const edges = (
    body as { data: { companies: { edges: { node: { id: string; accompaniments: { interactions: unknown[] }[] } }[] } } }
  ).data.companies.edges;
  const files = edges.flatMap((edge) => edge.node.accompaniments);
  return {
    companyIds: edges.map((edge) => edge.node.id),
    files: files.length,
    interactions: files.reduce((n, f) => n + f.interactions.length, 0),
  };
}

export function postgraphileListShape(body: unknown): ListShape {
  const nodes = (
    body as {
      data: {
        allCompanies: {
          nodes: {
            rowId: string;
            accompanimentsByCompanyId: { nodes: { interactionsByAccompanimentId: { nodes: unknown[] } }[] };
          }[];
        };
      };
    }
  ).data.allCompanies.nodes;
  const files = nodes.flatMap((node) => node.accompanimentsByCompanyId.nodes);
  return {
    companyIds: nodes.map((node) => node.rowId),
    files: files.length,
    interactions: files.reduce((n, f) => n + f.interactionsByAccompanimentId.nodes.length, 0),
  };
}
