import type { baseEnvSchema } from "@mcb/config";
import { runService } from "@mcb/runtime";
import type { AudienceDatabase } from "./db";
import { migrations, schema } from "./migrations";
import { registerAudienceHandlers } from "./rpc-handlers";
import { applyEngagementToConsent, ENGAGEMENT_CONSUMER } from "./engagement-consent";

void runService<AudienceDatabase, typeof baseEnvSchema>({
  name: "audience-service",
  schema,
  migrations,
  setup: async (ctx) => {
    registerAudienceHandlers(ctx.server, { db: ctx.db });
    await ctx.consume({
      stream: "ENGAGEMENT",
      durable: ENGAGEMENT_CONSUMER,
      subjects: ["engagement.recorded"],
      maxDeliver: 5,
      ackWaitMs: 30_000,
      handle: (event) => applyEngagementToConsent(ctx.db, event),
    });
  },
});
