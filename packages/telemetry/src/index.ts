export { createLogger, type Logger, type LogLevel } from "./logger";
export { LatencyHistogram, type LatencySummary } from "./latency-histogram";
export { startTracing, tracer, withIncomingTrace, type TracingHandle } from "./tracing";
