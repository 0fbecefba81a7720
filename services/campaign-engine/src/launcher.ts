import { sql, type Transaction } from "kysely";
import { DeliverableChannel, type DeliveryRequested } from "@mcb/contracts";
import { enqueueEvent, enqueueEvents, RepeatingPass } from "@mcb/db";
import type { NewEvent } from "@mcb/bus";
import type { CampaignDatabase, CampaignRow } from "./db";
import type { EngineDeps } from "./engine-deps";
import { lifecycleEvent } from "./campaign-view";
import { recordAudit } from "./audit";
import { deliveryIdFor } from "./domain/campaign-ids";
import { campaignVariables } from "./plan-campaign";

const FIRST_STEP = 0;

/** Marks an active campaign completed once every delivery it requested has an outcome. */
export async function completeIfSettled(trx: Transaction<CampaignDatabase>, campaignId: string): Promise<boolean> {
  const done = await trx
    .updateTable("campaigns")
    .set({ campaign_status: "COMPLETED", completed_at: sql`now()`, updated_at: sql`now()` })
    .where("campaign_id", "=", campaignId)
    .where("campaign_status", "=", "ACTIVE")
    .where(sql<boolean>`deliveries_sent + deliveries_failed >= deliveries_total`)
    .returningAll()
    .executeTakeFirst();
  if (!done) return false;
  await recordAudit(trx, { tenant_id: done.tenant_id, campaign_id: campaignId, actor: "system", action: "complete", from_status: "ACTIVE", to_status: "COMPLETED" });
  await enqueueEvent(trx, "campaign.completed", { tenantId: done.tenant_id, id: `campaign.completed:${campaignId}`, data: lifecycleEvent(done), correlationId: campaignId });
  return true;
}

/**
 * Launches due campaigns one page of recipients per transaction. Each page's delivery requests
 * and the cursor commit together; delivery ids are derived from campaign, step, contact and
 * channel, so a page redone after a crash produces the same requests, which are dropped as
 * duplicates downstream. SKIP LOCKED lets several engine copies launch different campaigns.
 */
export class CampaignLauncher {
  private readonly runner: RepeatingPass;

  constructor(private readonly deps: EngineDeps) {
    this.runner = new RepeatingPass(() => this.launchDue(), (error) => deps.logger.error("launch pass failed", { error }));
  }

  start(intervalMs: number): void {
    this.runner.start(intervalMs);
  }

  kick(): void {
    this.runner.kick();
  }

  async stop(): Promise<void> {
    await this.runner.stop();
  }

  /** Launches every campaign that is due; returns how many pages were processed. */
  async launchDue(): Promise<number> {
    let pages = 0;
    while (await this.launchOnePage()) {
      pages++;
      const pause = this.deps.config.LAUNCH_PAGE_INTERVAL_MS;
      if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause));
    }
    return pages;
  }

  private async launchOnePage(): Promise<boolean> {
    const { db, config } = this.deps;
    let launched: CampaignRow | undefined;
    const progressed = await db.transaction().execute(async (trx) => {
      const campaign = await trx
        .selectFrom("campaigns")
        .selectAll()
        .where("campaign_status", "=", "SCHEDULED")
        .where("scheduled_send_date", "<=", this.deps.now())
        .orderBy("scheduled_send_date")
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!campaign) return false;
      const channels = campaign.delivery_channels.filter((c): c is DeliverableChannel => DeliverableChannel.safeParse(c).success);
      const page = channels.length
        ? await this.deps.ask("svc.audience.resolve", {
            tenant_id: campaign.tenant_id,
            criteria: campaign.audience.criteria,
            channels,
            limit: config.LAUNCH_PAGE_SIZE,
            ...(campaign.launch_cursor ? { after: campaign.launch_cursor } : {}),
          })
        : { recipients: [], next_after: null };
      const variables = campaignVariables(this.deps, campaign);
      const requests: { subject: "delivery.requested"; event: NewEvent<"delivery.requested"> }[] = [];
      for (const recipient of page.recipients) {
        for (const channel of channels.filter((c) => recipient.channels.includes(c))) {
          const delivery: DeliveryRequested = {
            delivery_id: deliveryIdFor(campaign.campaign_id, FIRST_STEP, recipient.contact_id, channel),
            campaign_id: campaign.campaign_id,
            step: FIRST_STEP,
            channel,
            recipient,
            template: { template_id: campaign.template_id, version: campaign.template_version },
            variables,
          };
          requests.push({ subject: "delivery.requested", event: { tenantId: campaign.tenant_id, id: `delivery.requested:${delivery.delivery_id}`, data: delivery, correlationId: campaign.campaign_id } });
        }
      }
      await enqueueEvents(trx, requests);
      const requested = requests.length;
      const finished = page.next_after === null;
      const updated = await trx
        .updateTable("campaigns")
        .set({
          launch_cursor: page.next_after,
          deliveries_total: sql`deliveries_total + ${requested}`,
          updated_at: sql`now()`,
          ...(finished ? { campaign_status: "ACTIVE" as const, launched_at: sql`now()` } : {}),
        })
        .where("campaign_id", "=", campaign.campaign_id)
        .returningAll()
        .executeTakeFirstOrThrow();
      if (finished) {
        await recordAudit(trx, { tenant_id: campaign.tenant_id, campaign_id: campaign.campaign_id, actor: "system", action: "launch_complete", from_status: campaign.campaign_status, to_status: "ACTIVE", changes: { deliveries: updated.deliveries_total } });
        await enqueueEvent(trx, "campaign.launched", { tenantId: campaign.tenant_id, id: `campaign.launched:${campaign.campaign_id}`, data: lifecycleEvent(updated), correlationId: campaign.campaign_id });
        await completeIfSettled(trx, campaign.campaign_id);
        launched = updated;
      }
      return true;
    });
    if (progressed) this.deps.afterCommit();
    if (launched) this.deps.logger.info("campaign launched", { campaign_id: launched.campaign_id, deliveries: launched.deliveries_total });
    return progressed;
  }
}
