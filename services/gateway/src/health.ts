import type { Redis } from "ioredis";
import { sql, type Kysely } from "kysely";
import { ServiceName, type ComponentHealth, type HealthReport } from "@mcb/contracts";
import type { Bus, RpcClient } from "@mcb/bus";

export interface HealthDeps {
  rpc: RpcClient;
  bus: Bus;
  db: Kysely<unknown>;
  redis: Redis;
}

async function timed(check: () => Promise<unknown>, timeoutMs = 1_500): Promise<ComponentHealth> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([check(), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)))]);
    return { status: "up", latency_ms: Math.round((performance.now() - started) * 100) / 100 };
  } catch (error) {
    return { status: "down", latency_ms: null, detail: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

/** Pings every service over NATS and checks NATS, Postgres and Redis, all at once. */
export async function checkHealth(deps: HealthDeps): Promise<HealthReport> {
  const services = ServiceName.options;
  const [serviceResults, nats, postgres, redis] = await Promise.all([
    Promise.all(services.map((name) => timed(() => deps.rpc.ping(name)))),
    timed(() => deps.bus.nc.rtt()),
    timed(() => sql`select 1`.execute(deps.db)),
    timed(() => deps.redis.ping()),
  ]);
  const report: HealthReport = {
    status: "healthy",
    services: Object.fromEntries(services.map((name, i) => [name, serviceResults[i] as ComponentHealth])),
    dependencies: { nats, postgres, redis },
    checked_at: new Date().toISOString(),
  };
  const allUp = [...Object.values(report.services), ...Object.values(report.dependencies)].every((c) => c.status === "up");
  report.status = allUp ? "healthy" : "degraded";
  return report;
}
