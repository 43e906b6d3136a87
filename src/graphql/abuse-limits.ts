import type { ApolloServerPlugin } from '@apollo/server';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, type ParseOptions, type ValidationContext, type ValidationRule } from 'graphql';
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

/**
 * Depth, cost, aliases and directives: validation rules (graphql-armor), so a refused document never reaches
 * execution. Introspection is left out of depth and cost (the IDE's schema query is deep by nature).
 */
export function abuseLimitRules(limits: Limits): ValidationRule[] {
  return [
    maxDepthRule({ n: limits.maxDepth, ignoreIntrospection: true, ...refuse('limit.depth', limits.maxDepth) }),
    costLimitRule({ maxCost: limits.maxCost, ignoreIntrospection: true, ...refuse('limit.cost', limits.maxCost) }),
    maxAliasesRule({ n: limits.maxAliases, ...refuse('limit.aliases', limits.maxAliases) }),
    maxDirectivesRule({ n: limits.maxDirectives, ...refuse('limit.directives', limits.maxDirectives) }),
  ] as ValidationRule[];
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
