import type { Kysely, Transaction } from "kysely";
import type { DeliveryRequested } from "@mcb/contracts";
import { enqueueEvent } from "@mcb/db";
import type { Delivery, DeliveryDatabase, DeliveryStatus, ProviderName } from "../db";
import type { SendResult } from "../providers/channel-provider";

/** The row state a write was decided on; the write applies only if the row is still in it. */
export interface ExpectedState {
  status: DeliveryStatus;
  attempts: number;
}

/** One provider call and what came of it, for provider_responses. */
export interface ProviderCall {
  provider: ProviderName;
  attempt: number;
  result: SendResult;
}

/** Event metadata shared by the outcome writes. */
export interface OutcomeContext {
  now: Date;
  correlationId: string | undefined;
}

/** Stores the request once; a redelivered request finds the row as the first copy left it. */
export async function recordRequest(db: Kysely<DeliveryDatabase>, tenantId: string, request: DeliveryRequested, requestedAt: Date, now: Date): Promise<Delivery> {
  await db
    .insertInto("deliveries")
    .values({
      delivery_id: request.delivery_id,
      tenant_id: tenantId,
      campaign_id: request.campaign_id,
      contact_id: request.recipient.contact_id,
      channel: request.channel,
      step: request.step,
      status: "pending",
      provider: null,
      provider_message_id: null,
      attempts: 0,
      last_error_code: null,
      last_error: null,
      requested_at: requestedAt,
      sent_at: null,
      updated_at: now,
    })
    .onConflict((oc) => oc.column("delivery_id").doNothing())
    .execute();
  return db.selectFrom("deliveries").selectAll().where("delivery_id", "=", request.delivery_id).executeTakeFirstOrThrow();
}

/**
 * Moves a pending delivery to `sending` and counts the attempt, committed before the provider is
 * called: a crash after this point leaves evidence that a send may have happened. Undefined when
 * another handler got there first.
 */
export async function claimForSending(db: Kysely<DeliveryDatabase>, delivery: Delivery, provider: ProviderName, now: Date): Promise<number | undefined> {
  const claimed = await db
    .updateTable("deliveries")
    .set((eb) => ({ status: "sending", provider, attempts: eb("attempts", "+", 1), updated_at: now }))
    .where("delivery_id", "=", delivery.delivery_id)
    .where("status", "=", "pending")
    .where("attempts", "=", delivery.attempts)
    .returning("attempts")
    .executeTakeFirst();
  return claimed?.attempts;
}

async function recordProviderCall(trx: Transaction<DeliveryDatabase>, deliveryId: string, call: ProviderCall, now: Date): Promise<void> {
  const { result } = call;
  await trx
    .insertInto("provider_responses")
    .values({
      delivery_id: deliveryId,
      attempt: call.attempt,
      provider: call.provider,
      http_status: result.exchange?.httpStatus ?? null,
      outcome: result.kind,
      code: result.kind === "sent" ? null : result.code,
      body_excerpt: result.exchange?.body ?? "",
      created_at: now,
    })
    .onConflict((oc) => oc.columns(["delivery_id", "attempt"]).doNothing())
    .execute();
}

/** Records an accepted send and announces delivery.sent, together. False if the row moved on. */
export async function settleSent(
  db: Kysely<DeliveryDatabase>,
  delivery: Delivery,
  call: ProviderCall & { result: Extract<SendResult, { kind: "sent" }> },
  context: OutcomeContext,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    await recordProviderCall(trx, delivery.delivery_id, call, context.now);
    const updated = await trx
      .updateTable("deliveries")
      .set({ status: "sent", provider: call.provider, provider_message_id: call.result.providerMessageId, sent_at: context.now, updated_at: context.now, last_error_code: null, last_error: null })
      .where("delivery_id", "=", delivery.delivery_id)
      .where("status", "=", "sending")
      .where("attempts", "=", call.attempt)
      .returning("delivery_id")
      .executeTakeFirst();
    if (!updated) return false;
    await enqueueEvent(trx, "delivery.sent", {
      id: `delivery.sent:${delivery.delivery_id}`,
      tenantId: delivery.tenant_id,
      correlationId: context.correlationId,
      occurredAt: context.now,
      data: {
        delivery_id: delivery.delivery_id,
        campaign_id: delivery.campaign_id,
        contact_id: delivery.contact_id,
        channel: delivery.channel,
        provider: call.provider,
        provider_message_id: call.result.providerMessageId,
        sent_at: context.now.toISOString(),
      },
    });
    return true;
  });
}

/** Ends a delivery as failed and announces delivery.failed, together. False if the row moved on. */
export async function settleFailed(
  db: Kysely<DeliveryDatabase>,
  delivery: Delivery,
  expected: ExpectedState,
  failure: { code: string; reason: string; provider: ProviderName | null; call?: ProviderCall; optedOut?: boolean },
  context: OutcomeContext,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    if (failure.call) await recordProviderCall(trx, delivery.delivery_id, failure.call, context.now);
    const updated = await trx
      .updateTable("deliveries")
      .set({ status: "failed", provider: failure.provider, last_error_code: failure.code, last_error: failure.reason, updated_at: context.now })
      .where("delivery_id", "=", delivery.delivery_id)
      .where("status", "=", expected.status)
      .where("attempts", "=", expected.attempts)
      .returning("delivery_id")
      .executeTakeFirst();
    if (!updated) return false;
    await enqueueEvent(trx, "delivery.failed", {
      id: `delivery.failed:${delivery.delivery_id}`,
      tenantId: delivery.tenant_id,
      correlationId: context.correlationId,
      occurredAt: context.now,
      data: {
        delivery_id: delivery.delivery_id,
        campaign_id: delivery.campaign_id,
        contact_id: delivery.contact_id,
        channel: delivery.channel,
        provider: failure.provider,
        code: failure.code,
        reason: failure.reason,
      },
    });
    if (failure.optedOut) {
      // The vendor says the recipient opted out (a STOP reply): the audience-service must know,
      // or other senders and channels would keep reaching them.
      await enqueueEvent(trx, "engagement.recorded", {
        id: `engagement.unsubscribed:${delivery.delivery_id}`,
        tenantId: delivery.tenant_id,
        correlationId: context.correlationId,
        occurredAt: context.now,
        data: { campaign_id: delivery.campaign_id, contact_id: delivery.contact_id, delivery_id: delivery.delivery_id, channel: delivery.channel, kind: "unsubscribed", occurred_at: context.now.toISOString() },
      });
    }
    return true;
  });
}

/** Puts a delivery back to pending after a transient failure, remembering why. */
export async function releaseForRetry(
  db: Kysely<DeliveryDatabase>,
  delivery: Delivery,
  expected: ExpectedState,
  failure: { code: string; reason: string; call?: ProviderCall },
  now: Date,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    if (failure.call) await recordProviderCall(trx, delivery.delivery_id, failure.call, now);
    const updated = await trx
      .updateTable("deliveries")
      .set({ status: "pending", last_error_code: failure.code, last_error: failure.reason, updated_at: now })
      .where("delivery_id", "=", delivery.delivery_id)
      .where("status", "=", expected.status)
      .where("attempts", "=", expected.attempts)
      .returning("delivery_id")
      .executeTakeFirst();
    return updated !== undefined;
  });
}
