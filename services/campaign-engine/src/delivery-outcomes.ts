import { sql } from "kysely";
import { ok, type ConsumedEvent, type HandlerOutcome } from "@mcb/bus";
import { claimEvent } from "@mcb/db";
import type { EngineDeps } from "./engine-deps";
import { completeIfSettled } from "./launcher";
import { countActivity } from "./activity";

export const OUTCOMES_CONSUMER = "campaign-engine-outcomes";

/** delivery.sent / delivery.failed: count the outcome once, and complete the campaign when all are in. */
export async function handleDeliveryOutcome(deps: EngineDeps, event: ConsumedEvent<"delivery.sent" | "delivery.failed">): Promise<HandlerOutcome> {
  const column = event.subject === "delivery.sent" ? "deliveries_sent" : "deliveries_failed";
  const completed = await deps.db.transaction().execute(async (trx) => {
    if (!(await claimEvent(trx, OUTCOMES_CONSUMER, event.envelope.id))) return false;
    await trx
      .updateTable("campaigns")
      .set({ [column]: sql`${sql.ref(column)} + 1`, updated_at: sql`now()` })
      .where("campaign_id", "=", event.data.campaign_id)
      .where("tenant_id", "=", event.envelope.tenant_id)
      .execute();
    await countActivity(trx, {
      campaign_id: event.data.campaign_id,
      tenant_id: event.envelope.tenant_id,
      channel: event.data.channel,
      kind: event.subject === "delivery.sent" ? "sent" : "failed",
      at: new Date(event.envelope.occurred_at),
    });
    return completeIfSettled(trx, event.data.campaign_id);
  });
  if (completed) deps.afterCommit();
  return ok();
}

export const ENGAGEMENT_CONSUMER = "campaign-engine-engagement";

/** engagement.recorded: opens, clicks, conversions… counted once into the campaign's activity. */
export async function handleEngagement(deps: EngineDeps, event: ConsumedEvent<"engagement.recorded">): Promise<HandlerOutcome> {
  const campaignId = event.data.campaign_id;
  if (!campaignId) return ok(); // engagement outside any campaign (e.g. a reply to a manual message)
  await deps.db.transaction().execute(async (trx) => {
    if (!(await claimEvent(trx, ENGAGEMENT_CONSUMER, event.envelope.id))) return;
    const campaign = await trx.selectFrom("campaigns").select("campaign_id").where("campaign_id", "=", campaignId).where("tenant_id", "=", event.envelope.tenant_id).executeTakeFirst();
    if (!campaign) return;
    await countActivity(trx, { campaign_id: campaignId, tenant_id: event.envelope.tenant_id, channel: event.data.channel, kind: event.data.kind, at: new Date(event.data.occurred_at) });
  });
  return ok();
}
