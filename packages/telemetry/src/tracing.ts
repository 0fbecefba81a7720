import { trace, type Tracer } from "@opentelemetry/api";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { ConsoleSpanExporter, SimpleSpanProcessor, type SpanProcessor } from "@opentelemetry/sdk-trace-base";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { ATTR_SERVICE_NAME } from "@opentelemetry/semantic-conventions";

export interface TracingHandle {
  shutdown(): Promise<void>;
}

/**
 * Registers a tracer provider with the W3C propagator so trace context flows through NATS
 * headers and HTTP. Spans are exported only when OTEL_TRACES_EXPORTER=console: no collector is
 * assumed, and none is reachable from the test machine.
 */
export function startTracing(serviceName: string, env: NodeJS.ProcessEnv = process.env): TracingHandle {
  const spanProcessors: SpanProcessor[] = [];
  if (env.OTEL_TRACES_EXPORTER === "console") spanProcessors.push(new SimpleSpanProcessor(new ConsoleSpanExporter()));
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: serviceName }),
    spanProcessors,
  });
  provider.register();
  return { shutdown: () => provider.shutdown() };
}

export function tracer(name = "mcb"): Tracer {
  return trace.getTracer(name);
}
