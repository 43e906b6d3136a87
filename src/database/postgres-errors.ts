/** True when `error` is PostgreSQL's unique violation (23505), optionally on the named constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: unknown; constraint?: unknown; driverError?: { code?: unknown; constraint?: unknown } };
  const code = e?.driverError?.code ?? e?.code;
  const name = e?.driverError?.constraint ?? e?.constraint;
  return code === '23505' && (constraint === undefined || name === constraint);
}

/** Connection-level failures: the server is down, restarting, unreachable, or no connection could be had in time. */
export function isConnectionFailure(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown; driverError?: { code?: unknown; message?: unknown } };
  const code = String(e?.driverError?.code ?? e?.code ?? '');
  const message = String(e?.driverError?.message ?? e?.message ?? '');
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', '57P01', '57P02', '57P03', '08000', '08003', '08006'].includes(code) ||
    /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|the database system is (starting up|shutting down)/i.test(message)
  );
}

/** A value PostgreSQL could not read as its column's type (a malformed uuid given as an id, for instance). */
export function isInvalidTextRepresentation(error: unknown): boolean {
  const e = error as { code?: unknown; driverError?: { code?: unknown } };
  return (e?.driverError?.code ?? e?.code) === '22P02';
}

/**
 * PostgreSQL's "data exception" class (SQLSTATE 22…): a value it cannot take as the type it is compared with or
 * stored in (a malformed uuid or date, a number out of range, a NUL character).
 */
export function isDataException(error: unknown): boolean {
  const e = error as { code?: unknown; driverError?: { code?: unknown } };
  return String(e?.driverError?.code ?? e?.code ?? '').startsWith('22');
}
