import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Logger, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { AppConfig } from '../config/app-config.js';
import { statementCountHeader } from './statement-count.plugin.js';
import { abuseLimitMessages, abuseLimitParseOptions, abuseLimitRules, costLimitWithVariables } from './abuse-limits.js';
import { formatGraphQLError, withoutSchemaSuggestions } from '../errors/format-graphql-error.js';
import { GraphQLExceptionFilter } from '../errors/graphql-exception.filter.js';
import { GraphQLContextFactory } from './graphql-context.factory.js';
import { operationOutcomePlugin } from '../observability/graphql-operation.js';
import { InputValidationPipe } from './validation/validation.pipe.js';
import { answerCompiledValues } from './compiled-lists/compiled-values.js';
import { ListCompiler } from './compiled-lists/list-compiler.js';

const logger = new Logger('GraphQL');

@Module({ providers: [GraphQLContextFactory, ListCompiler], exports: [GraphQLContextFactory] })
class GraphQLContextModule {}

/** GraphQL at /graphql: code-first schema, per-request context, one error mapping, validated inputs. */
@Module({
  imports: [
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      imports: [GraphQLContextModule],
      inject: [GraphQLContextFactory, AppConfig],
      useFactory: (contexts: GraphQLContextFactory, config: AppConfig): ApolloDriverConfig => ({
        path: '/graphql',
        autoSchemaFile: true,
        // Domain errors thrown by field resolvers go through the same error filter as root fields.
        fieldResolverEnhancers: ['filters'],
        sortSchema: true,
        buildSchemaOptions: { dateScalarMode: 'isoDate' },
        // Objects built by compiled list statements answer their fields as they stand (see compiled-lists/).
        transformSchema: answerCompiledValues,
        introspection: !config.isProduction,
        playground: false,
        graphiql: false,
        plugins: [
          ApolloServerPluginLandingPageDisabled(),
          // No HTTP cache hints are given; without this, Apollo wraps every field's resolver to compute them.
          ApolloServerPluginCacheControlDisabled(),
          abuseLimitMessages(config.graphqlLimits),
          operationOutcomePlugin,
          costLimitWithVariables(config.graphqlLimits),
          ...(config.exposeStatementCount ? [statementCountHeader] : []),
        ],
        // Depth, cost, aliases, directives and tokens are checked before any resolver runs (see abuse-limits.ts).
        validationRules: abuseLimitRules(config.graphqlLimits),
        parseOptions: abuseLimitParseOptions(config.graphqlLimits),
        includeStacktraceInErrorResponses: false,
        // Compact JSON (Apollo pretty-prints by default: a third more bytes and time for nothing).
        stringifyResult: (result) => JSON.stringify(result),
        csrfPrevention: true,
        allowBatchedHttpRequests: false,
        formatError: (formatted, error) => {
          const masked = formatGraphQLError(formatted, error, (err) => logger.error({ err }, 'masked an unexpected GraphQL error'));
          // Introspection is off in production: no "Did you mean …?" naming the schema either (with or without a token).
          return config.isProduction ? withoutSchemaSuggestions(masked) : masked;
        },
        context: ({ req, res }: { req: Request; res: Response }) => contexts.create(req, res),
      }),
    }),
  ],
  providers: [
    { provide: APP_FILTER, useClass: GraphQLExceptionFilter },
    { provide: APP_PIPE, useClass: InputValidationPipe },
  ],
})
export class GraphQLApiModule {}
