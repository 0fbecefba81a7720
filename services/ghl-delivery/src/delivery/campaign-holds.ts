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

/**
 * Checks the campaign's hold and, if it is paused, parks the delivery — in one transaction that
 * share-locks the hold row. A resume or cancel (which locks that row for update) therefore runs
 * wholly before or wholly after, and its scan for held rows cannot miss this one.
 */
export async function holdIfPaused(db: Kysely<DeliveryDatabase>, delivery: Delivery, expected: ExpectedState, request: DeliveryRequested, now: Date): Promise<"send" | "held" | "cancelled" | "raced"> {
  return db.transaction().execute(async (trx) => {
    const hold = await trx.selectFrom("campaign_holds").select("state").where("campaign_id", "=", delivery.campaign_id).where("tenant_id", "=", delivery.tenant_id).forShare().executeTakeFirst();
    if (hold?.state === "cancelled") return "cancelled";
    if (hold?.state !== "paused") return "send";
    if (delivery.status === "held") return "held";
    const held = await trx
      .updateTable("deliveries")
      .set({ status: "held", request: JSON.stringify(request), updated_at: now })
      .where("delivery_id", "=", delivery.delivery_id)
      .where("status", "=", expected.status)
      .where("attempts", "=", expected.attempts)
      .returning("delivery_id")
      .executeTakeFirst();
    return held ? "held" : "raced";
  });
}

/**
 * Records the campaign's new state unless a newer announcement is already recorded; cancelling is
 * final. The conditional upsert is one atomic statement, so two worker copies handling a pause
 * and a resume at once cannot let the older one win. True when the state now is this event's
 * (also when a redelivery finds it already applied), so the caller's scan runs again.
 */
async function recordHold(db: Kysely<DeliveryDatabase>, event: CampaignEvent, state: HoldState): Promise<boolean> {
  const at = new Date(event.envelope.occurred_at);
  const campaignId = event.data.campaign_id;
  await db
    .insertInto("campaign_holds")
    .values({ campaign_id: campaignId, tenant_id: event.envelope.tenant_id, state, changed_at: at })
    .onConflict((oc) =>
      oc
        .column("campaign_id")
        .doUpdateSet({ state, changed_at: at })
        .where("campaign_holds.changed_at", "<=", at)
        .where("campaign_holds.state", "<>", "cancelled"),
    )
    .execute();
  const now = await db.selectFrom("campaign_holds").select(["state", "changed_at"]).where("campaign_id", "=", campaignId).executeTakeFirstOrThrow();
  return now.state === state && (state === "cancelled" || now.changed_at.getTime() === at.getTime());
}

const heldDeliveries = (db: Kysely<DeliveryDatabase>, event: CampaignEvent) =>
  db.selectFrom("deliveries").selectAll().where("campaign_id", "=", event.data.campaign_id).where("tenant_id", "=", event.envelope.tenant_id).where("status", "=", "held");

/**
 * campaign.paused / resumed / cancelled: deliveries of a paused campaign wait; on resume they are
 * requested again (a new message id, the same delivery id, so still sent at most once); on cancel
 * the waiting ones end as failed with CAMPAIGN_CANCELLED. The scans run after the state change has
 * committed, so every delivery parked before it is found.
 */
export async function handleCampaignLifecycle(db: Kysely<DeliveryDatabase>, afterCommit: () => void, event: CampaignEvent): Promise<HandlerOutcome> {
  const campaignId = event.data.campaign_id;
  const state: HoldState = event.subject === "campaign.paused" ? "paused" : event.subject === "campaign.cancelled" ? "cancelled" : "active";
  if (!(await recordHold(db, event, state)) || state === "paused") return ok();

  if (state === "cancelled") {
    for (const delivery of await heldDeliveries(db, event).execute()) {
      const failure = { code: DeliveryFailureCode.CAMPAIGN_CANCELLED, reason: "the campaign was cancelled", provider: null };
      await settleFailed(db, delivery, { status: "held", attempts: delivery.attempts }, failure, { now: new Date(), correlationId: campaignId });
    }
  } else {
    await db.transaction().execute(async (trx) => {
      for (const delivery of await heldDeliveries(trx, event).forUpdate().execute()) {
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
  }
  afterCommit();
  return ok();
}
