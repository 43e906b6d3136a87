import type { AppConfig } from '../config/app-config.js';

/** The service's name in traces (OTEL_SERVICE_NAME or OTEL_RESOURCE_ATTRIBUTES override it). */
export const SERVICE_NAME = 'crm-immigration-regionale';

/** Tracing while it runs: `shutdown` exports the spans still buffered. */
export interface Tracing {
  shutdown(): Promise<void>;
}

/**
 * OpenTelemetry traces, exported over OTLP/HTTP to OTEL_EXPORTER_OTLP_ENDPOINT (the exporter also honours the other
 * standard OTEL_EXPORTER_OTLP_* settings: headers, timeout, a traces-only endpoint). Each GraphQL request gives a
 * span for HTTP (with W3C `traceparent` propagation), a child for the GraphQL operation (see graphql-operation.ts)
 * and a grandchild per SQL statement (statement text, never its parameters). Health checks and SQL outside a
 * request (start-up, migrations) are not traced.
 *
 * Without an endpoint nothing is loaded: the OpenTelemetry SDK and instrumentations are imported here, on demand,
 * so tracing off costs nothing. Must run before the application's modules are loaded: the instrumentations patch
 * `http` and `pg` when those are first required.
 */
export async function startTracing(config: AppConfig): Promise<Tracing | null> {
  if (!config.tracingEndpoint) return null;
  const [trace, base, exporter, resources, instrumentation, http, pg] = await Promise.all([
    import('@opentelemetry/sdk-trace-node'),
    import('@opentelemetry/sdk-trace-base'),
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/resources'),
    import('@opentelemetry/instrumentation'),
    import('@opentelemetry/instrumentation-http'),
    import('@opentelemetry/instrumentation-pg'),
  ]);
  const resource = resources
    .defaultResource()
    .merge(resources.resourceFromAttributes({ 'service.name': SERVICE_NAME }))
    .merge(resources.detectResources({ detectors: [resources.envDetector] }));
  const provider = new trace.NodeTracerProvider({
    resource,
    spanProcessors: [new base.BatchSpanProcessor(new exporter.OTLPTraceExporter())],
  });
  provider.register();
  instrumentation.registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new http.HttpInstrumentation({
        ignoreIncomingRequestHook: (request) => !(request.url ?? '').startsWith('/graphql'),
        requestHook: (span, request) => {
          if ('method' in request && request.method) span.updateName(`${request.method} /graphql`);
          span.setAttribute('http.route', '/graphql');
        },
        // Outgoing calls (an OpenID provider's keys) are not part of the picture asked for.
        ignoreOutgoingRequestHook: () => true,
      }),
      new pg.PgInstrumentation({ requireParentSpan: true, enhancedDatabaseReporting: false, ignoreConnectSpans: true }),
    ],
  });
  return { shutdown: () => provider.shutdown() };
}
