import type { baseEnvSchema } from "@mcb/config";
import { runService } from "@mcb/runtime";
import type { AudienceDatabase } from "./db";
import { migrations, schema } from "./migrations";
import { registerAudienceHandlers } from "./rpc-handlers";

void runService<AudienceDatabase, typeof baseEnvSchema>({
  name: "audience-service",
  schema,
  migrations,
  setup: async (ctx) => {
    registerAudienceHandlers(ctx.server, { db: ctx.db });
  },
});
