import { runService } from "@mcb/runtime";
import type { GatewayDatabase } from "./db";
import { gatewayEnv } from "./env";
import { startGateway } from "./gateway";
import { migrations, schema } from "./migrations";

void runService<GatewayDatabase, typeof gatewayEnv>({
  name: "gateway",
  schema,
  migrations,
  env: gatewayEnv,
  useRedis: true,
  setup: startGateway,
});
