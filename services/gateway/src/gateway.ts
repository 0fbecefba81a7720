import type { Server } from "node:http";
import type { Redis } from "ioredis";
import type { Kysely } from "kysely";
import type { LatencyHistogram } from "@mcb/telemetry";
import type { ServiceContext } from "@mcb/runtime";
import type { GatewayDatabase } from "./db";
import type { GatewayEnv } from "./env";
import { createApp, BASE_PATH } from "./http/app";
import { IdempotencyStore } from "./http/middleware/idempotency-store";
import { RateLimiter } from "./http/middleware/rate-limiter";
import type { RouteSpec } from "./http/route-spec";
import { allRoutes } from "./http/routes";
import { TokenStore } from "./tokens/token-store";

/** Builds the HTTP app from the route modules and serves it until shutdown. */
export async function startGateway(ctx: ServiceContext<GatewayDatabase, GatewayEnv>): Promise<void> {
  const redis = ctx.redis as Redis;
  const { config } = ctx;
  const latency = new Map<string, LatencyHistogram>();
  const routes: RouteSpec[] = allRoutes({
    rpc: ctx.rpc,
    bus: ctx.bus,
    health: { rpc: ctx.rpc, bus: ctx.bus, db: ctx.db as unknown as Kysely<unknown>, redis },
    latency,
    publicBaseUrl: config.PUBLIC_BASE_URL,
  });
  const app = createApp({
    routes,
    tokens: new TokenStore(ctx.db),
    logger: ctx.logger,
    bodyLimitBytes: config.BODY_LIMIT_BYTES,
    rateLimiter: new RateLimiter(redis, config.REDIS_KEY_PREFIX, {
      create: config.RATE_LIMIT_CREATE_PER_MIN,
      analytics: config.RATE_LIMIT_ANALYTICS_PER_MIN,
      templates: config.RATE_LIMIT_TEMPLATES_PER_MIN,
    }),
    idempotency: new IdempotencyStore(redis, config.REDIS_KEY_PREFIX),
    latency,
  });
  const server: Server = await new Promise((resolve, reject) => {
    const listening = app.listen(config.GATEWAY_PORT, config.GATEWAY_HOST, () => resolve(listening));
    listening.once("error", reject);
  });
  server.keepAliveTimeout = 65_000;
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.GATEWAY_PORT;
  ctx.logger.info("gateway listening", { url: `http://${config.GATEWAY_HOST}:${port}${BASE_PATH}` });
  ctx.onShutdown(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  );
}
