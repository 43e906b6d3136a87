import { LABELS, labelParams, type EntityName, type MessageKey } from '../i18n/messages.js';
import { ErrorCode } from './error-code.js';

type Params = Record<string, unknown>;

/** One invalid field of an input: its path (e.g. `input.email`) and why. */
export interface FieldProblem {
  field: string;
  message: MessageKey;
  params?: Params;
}

/**
 * A refusal the domain knows how to explain. Services throw these; the GraphQL error filter turns them into
 * `extensions.code` and a message in the caller's language. Anything else is an internal error and is masked.
 */
export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;

  constructor(
    readonly messageKey: MessageKey,
    readonly params: Params = {},
    /** Extra facts for the client, added to `extensions` (e.g. the likely duplicates of a company). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(messageKey);
    this.name = new.target.name;
  }
}

export class UnauthenticatedError extends DomainError {
  readonly code = ErrorCode.UNAUTHENTICATED;
}

export class ForbiddenError extends DomainError {
  readonly code = ErrorCode.FORBIDDEN;

  constructor(messageKey: MessageKey = 'forbidden', params: Params = {}) {
    super(messageKey, params);
  }
}

export class NotFoundError extends DomainError {
  readonly code = ErrorCode.NOT_FOUND;

  constructor(entity: EntityName, id: string) {
    super('notFound', { ...labelParams('entity', LABELS.entity[entity]), id });
  }
}

export class ConflictError extends DomainError {
  readonly code = ErrorCode.CONFLICT;
}

/** The record changed since the client read it (optimistic concurrency). */
export class StaleVersionError extends ConflictError {
  constructor(entityType: string, id: string) {
    // `reason` lets a client tell a stale version from other conflicts (duplicates…) without reading the message.
    super('staleVersion', { entityType, id }, { reason: 'STALE_VERSION', entityType, id });
  }
}

export class BadUserInputError extends DomainError {
  readonly code = ErrorCode.BAD_USER_INPUT;

  constructor(readonly fields: FieldProblem[]) {
    super('badUserInput');
  }

  static field(field: string, message: MessageKey, params?: Params): BadUserInputError {
    return new BadUserInputError([{ field, message, params }]);
  }
}

/** The database is unreachable (down, restarting, connections exhausted): the request changed nothing. */
export class ServiceUnavailableError extends DomainError {
  readonly code = ErrorCode.SERVICE_UNAVAILABLE;

  constructor() {
    super('serviceUnavailable');
  }
}
