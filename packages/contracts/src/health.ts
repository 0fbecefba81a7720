import { z } from "zod";

export const ServiceName = z.enum(["gateway", "campaign-engine", "template-renderer", "audience-service", "ghl-delivery"]);
export type ServiceName = z.infer<typeof ServiceName>;

export const LatencySummary = z.object({ count: z.number(), p50_ms: z.number(), p95_ms: z.number(), p99_ms: z.number(), max_ms: z.number(), mean_ms: z.number() });
export type LatencySummary = z.infer<typeof LatencySummary>;

export const Ping = z.object({
  service: ServiceName,
  instance: z.string(),
  version: z.string(),
  uptime_s: z.number(),
  checks: z.record(z.string(), z.enum(["up", "down"])).default({}),
  /** Handler latency per request/reply subject, measured by the service itself. */
  latency: z.record(z.string(), LatencySummary).default({}),
});
export type Ping = z.infer<typeof Ping>;

export const ComponentHealth = z.object({
  status: z.enum(["up", "down"]),
  latency_ms: z.number().nullable(),
  detail: z.string().optional(),
});
export type ComponentHealth = z.infer<typeof ComponentHealth>;

export const HealthReport = z.object({
  status: z.enum(["healthy", "degraded"]),
  services: z.record(z.string(), ComponentHealth),
  dependencies: z.record(z.string(), ComponentHealth),
  checked_at: z.string(),
});
export type HealthReport = z.infer<typeof HealthReport>;
