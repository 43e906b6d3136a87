import type { LoggerService } from '@nestjs/common';
import { trace } from '@opentelemetry/api';
import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import type { LogLevel } from '../config/app-config.js';
import { standardOutput } from './standard-output.js';

/** Field names of contacts' (and advisors') personal information: never written to a log, at any depth up to three. */
const PERSONAL_FIELDS = ['email', 'phone', 'firstName', 'lastName', 'fullName', 'title'];

/**
 * Structured JSON logs. Authorization headers, cookies and anything named like personal information are
 * redacted (top level and up to two objects deep); so are a failed query's parameters and PostgreSQL's error
 * detail, which can quote a row's values. Request bodies are never logged. `destination`: where lines go
 * (standard output by default, written so that a reader that stops reading never stalls the process; tests
 * capture them).
 */
export function createLogger(level: LogLevel, destination?: DestinationStream, options: { traceIds?: boolean } = {}): Logger {
  const settings: LoggerOptions = {
    level,
    // With tracing on, each line written while a request is handled names its trace and span.
    ...(options.traceIds ? { mixin: traceIds } : {}),
    base: { service: 'crm-immigration-regionale' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        ...PERSONAL_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]),
        'err.parameters',
        'err.detail',
        'err.driverError.parameters',
        'err.driverError.detail',
      ],
      censor: '[masqué]',
    },
  };
  return pino(settings, destination ?? standardOutput());
}

function traceIds(): Record<string, string> {
  const span = trace.getActiveSpan()?.spanContext();
  return span ? { trace_id: span.traceId, span_id: span.spanId } : {};
}

/** Nest's start-up chatter (one line per module and route): useful when debugging, noise otherwise. */
const BOOT_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'GraphQLModule', 'NestFactory']);

/** Nest's logger interface on top of pino, so framework messages are JSON lines too. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write(BOOT_CONTEXTS.has(String(rest.at(-1))) ? 'debug' : 'info', message, rest);
  }

  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }

  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }

  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }

  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }

  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  private write(level: 'info' | 'error' | 'warn' | 'debug' | 'trace' | 'fatal', message: unknown, rest: unknown[]) {
    // Nest passes the context (class name) last; an error's stack, when there is one, before it.
    const context = typeof rest.at(-1) === 'string' ? (rest.at(-1) as string) : undefined;
    if (message !== null && typeof message === 'object') {
      const { msg, ...fields } = message as Record<string, unknown>;
      const text = typeof msg === 'string' ? msg : typeof rest[0] === 'string' && rest.length > 1 ? rest[0] : undefined;
      this.logger[level]({ context, ...fields }, text);
      return;
    }
    this.logger[level]({ context }, String(message));
  }
}
