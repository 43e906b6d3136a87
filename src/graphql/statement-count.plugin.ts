import type { ApolloServerPlugin } from '@apollo/server';
import { statementCounter } from '../database/statement-counter.js';

/** Adds `X-SQL-Statements: <n>` to each GraphQL response: the statements that request sent to PostgreSQL. */
export const statementCountHeader: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        const count = statementCounter.count;
        if (count !== undefined) response.http.headers.set('x-sql-statements', String(count));
      },
    };
  },
};
