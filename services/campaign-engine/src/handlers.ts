import { ServiceError } from "@mcb/bus";
import type { ServiceContext } from "@mcb/runtime";
import type { CampaignDatabase } from "./db";
import type { CampaignEngineEnv } from "./env";
import type { EngineDeps } from "./engine-deps";
import { toMarketingCampaign } from "./campaign-view";
import { createCampaignFromRequest } from "./create-campaign";
import { handleDeliveryOutcome, OUTCOMES_CONSUMER } from "./delivery-outcomes";
import { CampaignLauncher } from "./launcher";
import { handleStageChanged, STAGE_CONSUMER } from "./stage-trigger";

/** Registers the engine's request/reply handlers, event consumers and launcher. */
export async function registerCampaignEngine(ctx: ServiceContext<CampaignDatabase, CampaignEngineEnv>): Promise<void> {
  let launcher: CampaignLauncher | undefined;
  const deps: EngineDeps = {
    db: ctx.db,
    ask: (subject, request) => ctx.rpc.call(subject, request),
    afterCommit: () => {
      ctx.outbox?.kick();
      launcher?.kick();
    },
    config: ctx.config,
    now: () => new Date(),
    logger: ctx.logger,
  };
  launcher = new CampaignLauncher(deps);

  ctx.server
    .handle("svc.campaign.create", (req) => createCampaignFromRequest(deps, req))
    .handle("svc.campaign.get", async (req) => {
      const row = await ctx.db.selectFrom("campaigns").selectAll().where("tenant_id", "=", req.tenant_id).where("campaign_id", "=", req.campaign_id).executeTakeFirst();
      if (!row) throw new ServiceError("NOT_FOUND", `campaign ${req.campaign_id} not found`);
      return toMarketingCampaign(row);
    });

  const maxDeliver = ctx.config.EVENT_MAX_DELIVER;
  await ctx.consume({
    stream: "SELLER",
    durable: STAGE_CONSUMER,
    subjects: ["seller.stage.changed"],
    maxDeliver,
    ackWaitMs: 30_000,
    backoffMs: [1_000, 5_000, 15_000, 30_000],
    handle: (event) => handleStageChanged(deps, event),
  });
  await ctx.consume({
    stream: "DELIVERY_OUTCOMES",
    durable: OUTCOMES_CONSUMER,
    subjects: ["delivery.sent", "delivery.failed"],
    maxDeliver,
    ackWaitMs: 30_000,
    concurrency: 8,
    handle: (event) => handleDeliveryOutcome(deps, event),
  });
  launcher.start(ctx.config.SCHEDULER_INTERVAL_MS);
  const activeLauncher = launcher;
  ctx.onShutdown(() => activeLauncher.stop());
}
