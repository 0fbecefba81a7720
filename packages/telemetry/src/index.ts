export { createLogger, type Logger, type LogLevel } from "./logger";
export { LatencyHistogram, type LatencySummary } from "./latency-histogram";
export { startTracing, tracer, type TracingHandle } from "./tracing";
