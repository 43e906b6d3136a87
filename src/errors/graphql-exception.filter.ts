import { ArgumentsHost, Catch, HttpException, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { GqlArgumentsHost, type GqlContextType, type GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import type { Request, Response } from 'express';
import { localeFromAcceptLanguage, type Locale } from '../i18n/locale.js';
import { translate, type MessageKey } from '../i18n/messages.js';
import { isConnectionFailure, isInvalidTextRepresentation } from '../database/postgres-errors.js';
import { BadUserInputError, DomainError, ServiceUnavailableError } from './domain.errors.js';
import { ErrorCode } from './error-code.js';
import { PublicGraphQLError } from './public-graphql-error.js';

const HTTP_STATUS_CODES: Record<number, [ErrorCode, MessageKey]> = {
  400: [ErrorCode.BAD_USER_INPUT, 'badUserInput'],
  401: [ErrorCode.UNAUTHENTICATED, 'auth.missingToken'],
  403: [ErrorCode.FORBIDDEN, 'forbidden'],
  404: [ErrorCode.NOT_FOUND, 'notFound'],
};

/**
 * The one mapping from exceptions to GraphQL errors. Domain errors become their code with a message in the
 * caller's language; anything unexpected is logged and answered as a masked INTERNAL_SERVER_ERROR.
 */
@Catch()
export class GraphQLExceptionFilter extends BaseExceptionFilter implements GqlExceptionFilter {
  private readonly logger = new Logger('GraphQL');

  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<GqlContextType>() !== 'graphql') {
      return this.catchHttp(exception, host);
    }
    const context = GqlArgumentsHost.create(host).getContext<GraphQLContext | undefined>();
    const locale: Locale = context?.locale ?? 'fr';
    return this.toGraphQLError(exception, locale, context?.requestId);
  }

  /**
   * Errors raised before GraphQL runs (an unreadable JSON body, a body over the size limit) on /graphql are
   * answered in GraphQL's shape, with a code and a message in the caller's language; other routes keep Nest's.
   */
  private catchHttp(exception: unknown, host: ArgumentsHost): unknown {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const status = exception instanceof HttpException ? exception.getStatus() : 500;
    if (!request.path?.startsWith('/graphql') || (status !== 400 && status !== 413)) return super.catch(exception, host);
    const locale = localeFromAcceptLanguage(request.headers['accept-language']);
    const key = status === 413 ? 'request.tooLarge' : 'request.malformed';
    http
      .getResponse<Response>()
      .status(status)
      .json({ errors: [{ message: translate(key, locale), extensions: { code: 'BAD_REQUEST' } }] });
    return undefined;
  }

  toGraphQLError(exception: unknown, locale: Locale, requestId?: string): GraphQLError {
    if (exception instanceof PublicGraphQLError) return exception;
    if (exception instanceof DomainError) {
      const fields =
        exception instanceof BadUserInputError
          ? exception.fields.map((f) => ({ field: f.field, message: translate(f.message, locale, f.params) }))
          : undefined;
      return new PublicGraphQLError(
        translate(exception.messageKey, locale, exception.params),
        exception.code,
        fields,
        exception.details,
      );
    }
    if (exception instanceof HttpException && HTTP_STATUS_CODES[exception.getStatus()]) {
      const [code, key] = HTTP_STATUS_CODES[exception.getStatus()]!;
      return new PublicGraphQLError(translate(key, locale, { id: '?' }), code);
    }
    if (exception instanceof GraphQLError && exception.extensions?.code === ErrorCode.BAD_USER_INPUT) {
      return exception;
    }
    if (isInvalidTextRepresentation(exception)) {
      // Only arguments reach SQL unvalidated this way (ids are checked as uuids in inputs, not in `id: ID!` args).
      return this.toGraphQLError(BadUserInputError.field('id', 'field.uuid'), locale, requestId);
    }
    if (isConnectionFailure(exception)) {
      this.logger.warn({ err: exception, requestId }, 'database unreachable');
      return this.toGraphQLError(new ServiceUnavailableError(), locale, requestId);
    }
    this.logger.error({ err: exception, requestId }, 'unexpected error while resolving a GraphQL field');
    return new PublicGraphQLError(translate('internal', locale), ErrorCode.INTERNAL_SERVER_ERROR);
  }
}
