import { sql, type Kysely } from "kysely";
import { ok, type ConsumedEvent, type HandlerOutcome } from "@mcb/bus";
import type { DeliveryRequested, streams } from "@mcb/contracts";
import { enqueueEvent } from "@mcb/db";
import type { Delivery, DeliveryDatabase, HoldState } from "../db";
import { DeliveryFailureCode } from "../failure-codes";
import { settleFailed, type ExpectedState } from "./delivery-store";

export const HOLDS_CONSUMER = "ghl-delivery-campaign-holds";
export type CampaignControlSubject = (typeof streams.CAMPAIGN_CONTROL)[number];
export type CampaignEvent = Pick<ConsumedEvent<CampaignControlSubject>, "subject" | "envelope" | "data">;

export async function holdFor(db: Kysely<DeliveryDatabase>, tenantId: string, campaignId: string): Promise<HoldState | undefined> {
  const row = await db.selectFrom("campaign_holds").select("state").where("campaign_id", "=", campaignId).where("tenant_id", "=", tenantId).executeTakeFirst();
  return row?.state;
}

/** Parks a delivery of a paused campaign with the request it will be sent with. False if the row moved on. */
export async function holdDelivery(db: Kysely<DeliveryDatabase>, delivery: Delivery, expected: ExpectedState, request: DeliveryRequested, now: Date): Promise<boolean> {
  const held = await db
    .updateTable("deliveries")
    .set({ status: "held", request: JSON.stringify(request), updated_at: now })
    .where("delivery_id", "=", delivery.delivery_id)
    .where("status", "=", expected.status)
    .where("attempts", "=", expected.attempts)
    .returning("delivery_id")
    .executeTakeFirst();
  return held !== undefined;
}

/** Records a hold unless a newer announcement for the campaign is already recorded. */
async function recordHold(db: Kysely<DeliveryDatabase>, event: CampaignEvent, state: HoldState | null): Promise<boolean> {
  const at = new Date(event.envelope.occurred_at);
  const campaignId = event.data.campaign_id;
  const current = await db.selectFrom("campaign_holds").select(["changed_at", "state"]).where("campaign_id", "=", campaignId).executeTakeFirst();
  if (current && current.changed_at > at) return false;
  if (current?.state === "cancelled") return state === "cancelled"; // cancelling is final
  if (state === null) {
    await db.deleteFrom("campaign_holds").where("campaign_id", "=", campaignId).execute();
    return true;
  }
  await db
    .insertInto("campaign_holds")
    .values({ campaign_id: campaignId, tenant_id: event.envelope.tenant_id, state, changed_at: at })
    .onConflict((oc) => oc.column("campaign_id").doUpdateSet({ state, changed_at: at }))
    .execute();
  return true;
}

/**
 * campaign.paused / resumed / cancelled: deliveries of a paused campaign wait; on resume they are
 * requested again (with a new message id, the same delivery id, so still sent at most once); on
 * cancel the waiting ones end as failed with CAMPAIGN_CANCELLED.
 */
export async function handleCampaignLifecycle(db: Kysely<DeliveryDatabase>, afterCommit: () => void, event: CampaignEvent): Promise<HandlerOutcome> {
  const campaignId = event.data.campaign_id;
  const now = new Date();
  if (event.subject === "campaign.paused") {
    await recordHold(db, event, "paused");
    return ok();
  }
  const held = (trx: Kysely<DeliveryDatabase>) => trx.selectFrom("deliveries").selectAll().where("campaign_id", "=", campaignId).where("tenant_id", "=", event.envelope.tenant_id).where("status", "=", "held");

  if (event.subject === "campaign.cancelled") {
    if (!(await recordHold(db, event, "cancelled"))) return ok();
    for (const delivery of await held(db).execute()) {
      await settleFailed(db, delivery, { status: "held", attempts: delivery.attempts }, { code: DeliveryFailureCode.CAMPAIGN_CANCELLED, reason: "the campaign was cancelled", provider: null }, { now, correlationId: campaignId });
    }
    afterCommit();
    return ok();
  }

  if (!(await recordHold(db, event, null))) return ok();
  await db.transaction().execute(async (trx) => {
    for (const delivery of await held(trx).forUpdate().execute()) {
      if (!delivery.request) continue;
      await trx.updateTable("deliveries").set({ status: "pending", request: null, updated_at: sql`now()` }).where("delivery_id", "=", delivery.delivery_id).execute();
      await enqueueEvent(trx, "delivery.requested", {
        tenantId: delivery.tenant_id,
        id: `delivery.requested:${delivery.delivery_id}:resumed:${event.envelope.id}`,
        data: delivery.request,
        correlationId: campaignId,
      });
    }
  });
  afterCommit();
  return ok();
}
