import { streams, type RenderRequest } from "@mcb/contracts";
import { runService } from "@mcb/runtime";
import type { DeliveryDatabase } from "./db";
import { handleCampaignLifecycle, HOLDS_CONSUMER } from "./delivery/campaign-holds";
import { deliverRequested, type DeliveryDeps } from "./delivery/deliver-requested";
import { lookupDelivery } from "./delivery/delivery-lookup";
import { deliveryEnv } from "./env";
import { migrations, schema } from "./migrations";
import { createProviderSelector } from "./providers/provider-factory";

void runService<DeliveryDatabase, typeof deliveryEnv>({
  name: "ghl-delivery",
  schema,
  migrations,
  env: deliveryEnv,
  useOutbox: true,
  setup: async (ctx) => {
    const deps: DeliveryDeps = {
      db: ctx.db,
      render: (request: RenderRequest) => ctx.rpc.call("svc.template.render", request),
      providers: createProviderSelector(ctx.config),
      clock: { now: () => new Date() },
      logger: ctx.logger,
      afterCommit: () => ctx.outbox?.kick(),
      settings: {
        publicBaseUrl: ctx.config.PUBLIC_BASE_URL,
        maxAttempts: ctx.config.DELIVERY_MAX_ATTEMPTS,
        sendLeaseMs: Math.floor(ctx.config.DELIVERY_ACK_WAIT_MS * 0.75),
      },
    };
    ctx.server.handle("svc.delivery.lookup", (request) => lookupDelivery(ctx.db, request.delivery_id));
    await ctx.consume({
      stream: "DELIVERY_REQUESTS",
      durable: "ghl-delivery",
      subjects: ["delivery.requested"],
      maxDeliver: ctx.config.DELIVERY_MAX_ATTEMPTS,
      // Longer than the send lease, so a redelivery after a crash finds the lease expired.
      ackWaitMs: ctx.config.DELIVERY_ACK_WAIT_MS,
      concurrency: ctx.config.DELIVERY_CONCURRENCY,
      handle: (event) => deliverRequested(deps, event),
    });
    // Pause, resume and cancel, in order, one at a time.
    await ctx.consume({
      stream: "CAMPAIGN_CONTROL",
      durable: HOLDS_CONSUMER,
      subjects: streams.CAMPAIGN_CONTROL,
      maxDeliver: ctx.config.DELIVERY_MAX_ATTEMPTS,
      ackWaitMs: 30_000,
      concurrency: 1,
      handle: (event) => handleCampaignLifecycle(ctx.db, () => ctx.outbox?.kick(), event),
    });
  },
});
