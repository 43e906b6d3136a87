import { Global, Module } from '@nestjs/common';
import { ServiceMetrics } from './service-metrics.js';

/** Metrics (and, with tracing on, the GraphQL operation's span: see graphql-operation.ts). */
@Global()
@Module({ providers: [ServiceMetrics], exports: [ServiceMetrics] })
export class ObservabilityModule {}
