import type { ApolloServerPlugin } from '@apollo/server';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  GraphQLError,
  Kind,
  validate,
  visit,
  type ArgumentNode,
  type DocumentNode,
  type OperationDefinitionNode,
  type ParseOptions,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import type { AppConfig } from '../config/app-config.js';
import { localeFromAcceptLanguage } from '../i18n/locale.js';
import { translate, type MessageKey } from '../i18n/messages.js';

type Limits = AppConfig['graphqlLimits'];

/** A document refused by one of the limits: French message by default, translated once the request's language is known. */
class AbuseLimitError extends GraphQLError {
  constructor(
    readonly messageKey: MessageKey,
    readonly limit: number,
  ) {
    super(translate(messageKey, 'fr', { limit }), { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
  }
}

/** graphql-armor's callbacks: report our own error (graphql-armor's message is dropped) instead of throwing. */
const refuse = (messageKey: MessageKey, limit: number) => ({
  propagateOnRejection: false,
  onAccept: [],
  onReject: [(context: ValidationContext | null) => context?.reportError(new AbuseLimitError(messageKey, limit))],
});

const costRule = (limits: Limits) =>
  costLimitRule({ maxCost: limits.maxCost, ignoreIntrospection: true, ...refuse('limit.cost', limits.maxCost) }) as ValidationRule;

/**
 * Depth, cost, aliases and directives: validation rules (graphql-armor), so a refused document never reaches
 * execution. Introspection is left out of depth and cost (the IDE's schema query is deep by nature).
 */
export function abuseLimitRules(limits: Limits): ValidationRule[] {
  return [
    maxDepthRule({ n: limits.maxDepth, ignoreIntrospection: true, ...refuse('limit.depth', limits.maxDepth) }),
    costRule(limits),
    maxAliasesRule({ n: limits.maxAliases, ...refuse('limit.aliases', limits.maxAliases) }),
    maxDirectivesRule({ n: limits.maxDirectives, ...refuse('limit.directives', limits.maxDirectives) }),
  ] as ValidationRule[];
}

/**
 * The operation about to run with its `first`/`last` variables written in as the integers they hold (or their
 * default in the operation), with the document's fragments; null when no page size comes from a variable.
 */
function withPageSizesWrittenIn(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): DocumentNode | null {
  const defaults = new Map(operation.variableDefinitions?.map((d) => [d.variable.name.value, d.defaultValue]) ?? []);
  let changed = false;
  const inline = (node: ArgumentNode): ArgumentNode | undefined => {
    if ((node.name.value !== 'first' && node.name.value !== 'last') || node.value.kind !== Kind.VARIABLE) return undefined;
    const name = node.value.name.value;
    const fallback = defaults.get(name);
    const value = variables?.[name] !== undefined ? variables[name] : fallback?.kind === Kind.INT ? Number(fallback.value) : undefined;
    if (typeof value !== 'number' || !Number.isInteger(value)) return undefined;
    changed = true;
    return { ...node, value: { kind: Kind.INT, value: String(value) } };
  };
  const definitions = [operation, ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)];
  const rewritten = visit({ kind: Kind.DOCUMENT, definitions } as DocumentNode, { Argument: inline });
  return changed ? rewritten : null;
}

/**
 * The cost limit again once the variables are known: graphql-armor multiplies a list's cost by its `first` only
 * when written in the document (validation runs once per document, without variables), so `first: $n` would
 * count 1 whatever `$n` holds. Before execution, the operation is validated once more with its page sizes written
 * in, and refused exactly as the literal document would be (HTTP 400, GRAPHQL_VALIDATION_FAILED, no resolver run).
 */
export function costLimitWithVariables(limits: Limits): ApolloServerPlugin {
  const rules = [costRule(limits)];
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, schema }) {
          if (!operation) return;
          const written = withPageSizesWrittenIn(document, operation, request.variables);
          if (!written) return;
          const [refused] = validate(schema, written, rules);
          if (refused) {
            throw new GraphQLError(refused.message, {
              originalError: refused.originalError ?? refused,
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

/** Tokens: graphql-js stops parsing past `maxTokens`, before building the document. */
export function abuseLimitParseOptions(limits: Limits): ParseOptions {
  return { maxTokens: limits.maxTokens };
}

/** graphql-js's message when `maxTokens` is exceeded (16.x: "Document contains more that N tokens. Parsing aborted."). */
const TOO_MANY_TOKENS = /Document contains more th(?:at|an) \d+ tokens/;

/**
 * Gives the limits' errors their final message in the caller's language (Accept-Language). The token limit, a
 * parse failure for graphql-js, is reported like the other limits: GRAPHQL_VALIDATION_FAILED (HTTP 400).
 */
export function abuseLimitMessages(limits: Limits): ApolloServerPlugin {
  return {
    async requestDidStart({ request }) {
      const locale = localeFromAcceptLanguage(request.http?.headers.get('accept-language'));
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            const original = error.originalError;
            if (original instanceof AbuseLimitError) {
              error.message = translate(original.messageKey, locale, { limit: original.limit });
            } else if (error.extensions.code === 'GRAPHQL_PARSE_FAILED' && TOO_MANY_TOKENS.test(error.message)) {
              error.message = translate('limit.tokens', locale, { limit: limits.maxTokens });
              error.extensions.code = 'GRAPHQL_VALIDATION_FAILED';
            }
          }
        },
      };
    },
  };
}
