import { context, propagation, SpanKind, SpanStatusCode, trace, type Tracer } from "@opentelemetry/api";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { AlwaysOffSampler, AlwaysOnSampler, ConsoleSpanExporter, ParentBasedSampler, SimpleSpanProcessor, type SpanProcessor } from "@opentelemetry/sdk-trace-base";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { ATTR_SERVICE_NAME } from "@opentelemetry/semantic-conventions";

export interface TracingHandle {
  shutdown(): Promise<void>;
}

/**
 * Registers a tracer provider with the W3C propagator so trace context flows through NATS
 * headers and HTTP. Spans are recorded and exported only when OTEL_TRACES_EXPORTER=console: no
 * collector is assumed. Otherwise spans are not sampled — trace ids still propagate, but nothing
 * pays for recording spans no one will read.
 */
export function startTracing(serviceName: string, env: NodeJS.ProcessEnv = process.env): TracingHandle {
  const spanProcessors: SpanProcessor[] = [];
  const exporting = env.OTEL_TRACES_EXPORTER === "console";
  if (exporting) spanProcessors.push(new SimpleSpanProcessor(new ConsoleSpanExporter()));
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: serviceName }),
    sampler: new ParentBasedSampler({ root: exporting ? new AlwaysOnSampler() : new AlwaysOffSampler() }),
    spanProcessors,
  });
  provider.register();
  return { shutdown: () => provider.shutdown() };
}

export function tracer(name = "mcb"): Tracer {
  return trace.getTracer(name);
}

/**
 * Runs `fn` inside a server span that continues the caller's W3C trace (the `traceparent` and
 * `tracestate` HTTP headers), so a trace crosses from an API client through every NATS hop.
 */
export async function withIncomingTrace<T>(headers: Record<string, string | string[] | undefined>, name: string, fn: () => Promise<T>): Promise<T> {
  const parent = propagation.extract(context.active(), headers, {
    keys: (carrier) => Object.keys(carrier),
    get: (carrier, key) => {
      const value = carrier[key.toLowerCase()];
      return Array.isArray(value) ? value[0] : value;
    },
  });
  const span = trace.getTracer("mcb-http").startSpan(name, { kind: SpanKind.SERVER }, parent);
  try {
    return await context.with(trace.setSpan(parent, span), fn);
  } catch (error) {
    span.setStatus({ code: SpanStatusCode.ERROR });
    throw error;
  } finally {
    span.end();
  }
}
