import { ServiceError } from "@mcb/bus";
import type { ServiceContext } from "@mcb/runtime";
import type { CampaignDatabase } from "./db";
import type { CampaignEngineEnv } from "./env";
import type { EngineDeps } from "./engine-deps";
import { campaignAnalytics } from "./analytics";
import { readAudit } from "./audit";
import { toMarketingCampaign } from "./campaign-view";
import { createCampaignFromRequest } from "./create-campaign";
import { ENGAGEMENT_CONSUMER, handleDeliveryOutcome, handleEngagement, OUTCOMES_CONSUMER } from "./delivery-outcomes";
import { createCampaignFromProperty } from "./from-property";
import { CampaignLauncher } from "./launcher";
import { listCampaigns } from "./list-campaigns";
import { TenantRatesCache } from "./performance-history";
import { deleteCampaign, transitionCampaign, updateCampaign } from "./manage-campaign";
import { handleStageChanged, STAGE_CONSUMER } from "./stage-trigger";
import { getValuation, handleValuationCompleted, storeValuation, VALUATION_CONSUMER } from "./valuations";

/** Registers the engine's request/reply handlers, event consumers and launcher. */
export async function registerCampaignEngine(ctx: ServiceContext<CampaignDatabase, CampaignEngineEnv>): Promise<void> {
  // The launcher needs deps and deps' afterCommit kicks the launcher: tie the knot through a holder.
  const holder: { launcher?: CampaignLauncher } = {};
  const deps: EngineDeps = {
    db: ctx.db,
    ask: (subject, request) => ctx.rpc.call(subject, request),
    afterCommit: (options) => {
      ctx.outbox?.kick();
      if (options?.due) holder.launcher?.kick();
    },
    config: ctx.config,
    history: new TenantRatesCache(ctx.db),
    now: () => new Date(),
    logger: ctx.logger,
  };
  const launcher = new CampaignLauncher(deps);
  holder.launcher = launcher;
  const { db } = ctx;

  ctx.server
    .handle("svc.campaign.create", (req) => createCampaignFromRequest(deps, req))
    .handle("svc.campaign.from_property", (req) => createCampaignFromProperty(deps, req))
    .handle("svc.campaign.get", async (req) => {
      const row = await db.selectFrom("campaigns").selectAll().where("tenant_id", "=", req.tenant_id).where("campaign_id", "=", req.campaign_id).executeTakeFirst();
      if (!row) throw new ServiceError("NOT_FOUND", `campaign ${req.campaign_id} not found`);
      return toMarketingCampaign(row);
    })
    .handle("svc.campaign.list", (req) => listCampaigns(db, req.tenant_id, req.query))
    .handle("svc.campaign.update", (req) => updateCampaign(deps, req))
    .handle("svc.campaign.transition", (req) => transitionCampaign(deps, req))
    .handle("svc.campaign.delete", (req) => deleteCampaign(deps, req))
    .handle("svc.campaign.audit", async (req) => {
      const exists = await db.selectFrom("audit_log").select("campaign_id").where("tenant_id", "=", req.tenant_id).where("campaign_id", "=", req.campaign_id).executeTakeFirst();
      if (!exists) throw new ServiceError("NOT_FOUND", `campaign ${req.campaign_id} not found`);
      return readAudit(db, req.tenant_id, req.campaign_id, req.query);
    })
    .handle("svc.campaign.analytics", (req) => campaignAnalytics(db, req.tenant_id, req.campaign_id))
    .handle("svc.campaign.valuation_store", (req) => storeValuation(db, req.tenant_id, req.valuation, req.idempotency))
    .handle("svc.campaign.valuation_get", (req) => getValuation(db, req.tenant_id, req.valuation_id));

  const maxDeliver = ctx.config.EVENT_MAX_DELIVER;
  const common = { maxDeliver, ackWaitMs: ctx.config.EVENT_ACK_WAIT_MS };
  await ctx.consume({ ...common, stream: "SELLER", durable: STAGE_CONSUMER, subjects: ["seller.stage.changed"], backoffMs: [1_000, 5_000, 15_000, 30_000], handle: (e) => handleStageChanged(deps, e) });
  await ctx.consume({ ...common, stream: "PROPERTY", durable: VALUATION_CONSUMER, subjects: ["property.valuation.completed"], handle: (e) => handleValuationCompleted(db, e) });
  await ctx.consume({ ...common, stream: "DELIVERY_OUTCOMES", durable: OUTCOMES_CONSUMER, subjects: ["delivery.sent", "delivery.failed"], concurrency: 8, handle: (e) => handleDeliveryOutcome(deps, e) });
  await ctx.consume({ ...common, stream: "ENGAGEMENT", durable: ENGAGEMENT_CONSUMER, subjects: ["engagement.recorded"], concurrency: 8, handle: (e) => handleEngagement(deps, e) });
  launcher.start(ctx.config.SCHEDULER_INTERVAL_MS);
  ctx.onShutdown(() => launcher.stop());
}
