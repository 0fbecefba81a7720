import type { Server } from "node:http";
import type { Redis } from "ioredis";
import type { Kysely } from "kysely";
import type { ServiceContext } from "@mcb/runtime";
import type { GatewayDatabase } from "./db";
import type { GatewayEnv } from "./env";
import { createApp, BASE_PATH } from "./http/app";
import { campaignRoutes } from "./http/routes/campaign-routes";
import { contactRoutes } from "./http/routes/contact-routes";
import { healthRoutes } from "./http/routes/health-routes";
import { TokenStore } from "./tokens/token-store";

/** Builds the HTTP app from the route modules and serves it until shutdown. */
export async function startGateway(ctx: ServiceContext<GatewayDatabase, GatewayEnv>): Promise<void> {
  const redis = ctx.redis as Redis;
  const routes = [
    ...healthRoutes({ rpc: ctx.rpc, bus: ctx.bus, db: ctx.db as unknown as Kysely<unknown>, redis }),
    ...campaignRoutes(ctx.rpc),
    ...contactRoutes(ctx.rpc),
  ];
  const app = createApp({ routes, tokens: new TokenStore(ctx.db), logger: ctx.logger, bodyLimitBytes: ctx.config.BODY_LIMIT_BYTES });
  const server: Server = await new Promise((resolve, reject) => {
    const listening = app.listen(ctx.config.GATEWAY_PORT, ctx.config.GATEWAY_HOST, () => resolve(listening));
    listening.once("error", reject);
  });
  server.keepAliveTimeout = 65_000;
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : ctx.config.GATEWAY_PORT;
  ctx.logger.info("gateway listening", { url: `http://${ctx.config.GATEWAY_HOST}:${port}${BASE_PATH}` });
  ctx.onShutdown(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  );
}
