import { GraphQLError } from 'graphql';
import type { ErrorCode } from './error-code.js';

export interface PublicFieldError {
  field: string;
  message: string;
}

/** An error whose message and extensions were written for clients: it passes the masking untouched. */
export class PublicGraphQLError extends GraphQLError {
  constructor(message: string, code: ErrorCode, fields?: PublicFieldError[], details: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...(fields ? { fields } : {}), ...details } });
  }
}
