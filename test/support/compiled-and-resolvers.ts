import { TestApp, type GraphQLResponse } from './test-app.js';

/** What two answers are compared on: data and errors (not headers). */
export const answerOf = ({ data, errors }: GraphQLResponse) => ({ data, errors });

/** The SQL statements a request sent (`X-SQL-Statements`). */
export const statementsOf = (response: GraphQLResponse) => Number(response.headers.get('x-sql-statements'));

/**
 * The service, and the same service on the same database with COMPILED_LISTS=false: list selections compiled into
 * SQL (src/graphql/compiled-lists) must answer what the resolvers and their DataLoaders answer.
 */
export class CompiledAndResolvers {
  private constructor(
    /** Creates the data (it is the database of both). */
    readonly compiled: TestApp,
    readonly resolvers: TestApp,
  ) {}

  static async start(): Promise<CompiledAndResolvers> {
    const compiled = await TestApp.start();
    return new CompiledAndResolvers(compiled, await TestApp.start({ DATABASE_URL: compiled.databaseUrl, COMPILED_LISTS: 'false' }));
  }

  /** The same request to both services: the answers, and the statements each sent. */
  async both(query: string, variables: Record<string, unknown>, as: string) {
    const a = await this.compiled.graphql(query, { variables, as });
    const b = await this.resolvers.graphql(query, { variables, as });
    return { compiled: answerOf(a), resolvers: answerOf(b), statements: [statementsOf(a), statementsOf(b)] as const };
  }

  async close(): Promise<void> {
    await this.resolvers.close();
    await this.compiled.close();
  }
}
