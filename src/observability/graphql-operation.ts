import type { ApolloServerPlugin } from '@apollo/server';
import { SpanStatusCode, trace } from '@opentelemetry/api';
import type { NextFunction, Request, Response } from 'express';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { SERVICE_NAME } from './tracing.js';

/** What a GraphQL request was and how it ended, for metrics and traces. */
export interface OperationOutcome {
  /** The operation's name in the document (`query AdvisorList` → AdvisorList), `(anonymous)`, or `(none)`. */
  operation: string;
  /** query, mutation, subscription, or `none` when the document was refused before an operation was chosen. */
  type: string;
  /** OK, or the `extensions.code` of the first error (BAD_USER_INPUT, FORBIDDEN, INTERNAL_SERVER_ERROR…). */
  code: string;
}

const SERVER_FAULTS = new Set(['INTERNAL_SERVER_ERROR', 'SERVICE_UNAVAILABLE']);

/** The outcome recorded for this HTTP response, if Apollo handled it. */
export function operationOutcome(res: Response): OperationOutcome | undefined {
  return (res.locals as { graphqlOperation?: OperationOutcome }).graphqlOperation;
}

/**
 * Records each GraphQL request's operation and result code on its response (read by the metrics), and names the
 * active span after the operation (`query AdvisorList`) with its result; without tracing there is no active span and
 * that part does nothing.
 */
export const operationOutcomePlugin: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart({ contextValue }) {
    const outcome: OperationOutcome = { operation: '(none)', type: 'none', code: 'OK' };
    (contextValue.res.locals as { graphqlOperation?: OperationOutcome }).graphqlOperation = outcome;
    return {
      async didResolveOperation({ operationName, operation }) {
        outcome.operation = operationName ?? '(anonymous)';
        outcome.type = operation?.operation ?? 'none';
        const span = trace.getActiveSpan();
        span?.updateName(`${outcome.type} ${outcome.operation}`);
        span?.setAttributes({ 'graphql.operation.name': outcome.operation, 'graphql.operation.type': outcome.type });
      },
      async willSendResponse({ response }) {
        const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
        const code = errors?.[0]?.extensions?.code;
        outcome.code = typeof code === 'string' ? code : errors?.length ? 'UNKNOWN' : 'OK';
        const span = trace.getActiveSpan();
        span?.setAttribute('graphql.response.code', outcome.code);
        if (SERVER_FAULTS.has(outcome.code)) span?.setStatus({ code: SpanStatusCode.ERROR, message: outcome.code });
      },
    };
  },
};

/**
 * With tracing on: a span per request to /graphql, child of the HTTP span and parent of its SQL statements, made
 * active for everything the request runs; the plugin above names it after the operation.
 */
export function graphqlOperationSpans() {
  const tracer = trace.getTracer(SERVICE_NAME);
  return (_req: Request, res: Response, next: NextFunction): void =>
    tracer.startActiveSpan('graphql', (span) => {
      let ended = false;
      const end = () => {
        if (!ended) span.end();
        ended = true;
      };
      res.once('finish', end);
      res.once('close', end);
      next();
    });
}
