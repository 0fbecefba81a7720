import type { Kysely } from "kysely";
import { ok, retryLater, type ConsumedEvent, type HandlerOutcome } from "@mcb/bus";
import type { Logger } from "@mcb/telemetry";
import type { Delivery, DeliveryDatabase, ProviderName } from "../db";
import { DeliveryFailureCode } from "../failure-codes";
import type { ChannelProvider, OutboundMessage, SendResult } from "../providers/channel-provider";
import type { ProviderSelector } from "../providers/provider-factory";
import { claimForSending, recordRequest, releaseForRetry, settleFailed, settleSent, type ExpectedState, type OutcomeContext, type ProviderCall } from "./delivery-store";
import { renderMessage, unsubscribeUrlFor, type RenderContent } from "./render-message";
import { holdIfPaused } from "./campaign-holds";

export type DeliveryRequestedEvent = Pick<ConsumedEvent<"delivery.requested">, "envelope" | "data" | "deliveryCount">;

export interface DeliverySettings {
  publicBaseUrl: string;
  /** Deliveries of one event before it is failed for good (the consumer's maxDeliver). */
  maxAttempts: number;
  /**
   * How long a `sending` row is presumed to belong to a handler that is still running. It must
   * exceed the provider timeout (so a live send is never declared lost) and stay below the
   * consumer's ack wait (so a redelivery after a crash settles the row straight away).
   */
  sendLeaseMs?: number;
}

export interface DeliveryDeps {
  db: Kysely<DeliveryDatabase>;
  render: RenderContent;
  providers: ProviderSelector;
  clock: { now(): Date };
  logger: Logger;
  /** Wakes the outbox relay after a commit that enqueued an event. */
  afterCommit(): void;
  settings: DeliverySettings;
}

export const DEFAULT_SEND_LEASE_MS = 45_000;
/** When a write lost a race, look again shortly: the next try sees the winner's result. */
const RACE_RECHECK_MS = 1_000;

/** Retries the write that follows a send a few times: losing it would turn a sent message into an unknown one. */
async function persistAfterSend<T>(write: () => Promise<T>, logger: Logger): Promise<T> {
  const delays = [200, 1_000, 3_000];
  for (let attempt = 0; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      const delay = delays[attempt];
      if (delay === undefined) throw error;
      logger.warn("recording a send outcome failed; retrying", { error, delay_ms: delay });
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/**
 * Handles one delivery.requested: sends the message at most once, and ends every delivery with
 * exactly one delivery.sent or delivery.failed (written to the outbox with the row change).
 */
export async function deliverRequested(deps: DeliveryDeps, event: DeliveryRequestedEvent): Promise<HandlerOutcome> {
  const request = event.data;
  const log = deps.logger.child({ delivery_id: request.delivery_id, campaign_id: request.campaign_id, channel: request.channel, try: event.deliveryCount });
  const context: OutcomeContext = { now: deps.clock.now(), correlationId: event.envelope.correlation_id };
  const lastTry = event.deliveryCount >= deps.settings.maxAttempts;

  const delivery = await recordRequest(deps.db, event.envelope.tenant_id, request, new Date(event.envelope.occurred_at), context.now);
  const expected: ExpectedState = { status: delivery.status, attempts: delivery.attempts };

  /** Ends the delivery as failed; if the row changed meanwhile, looks again later. */
  const fail = async (code: string, reason: string, provider: ProviderName | null): Promise<HandlerOutcome> => {
    const applied = await settleFailed(deps.db, delivery, expected, { code, reason, provider }, context);
    if (!applied) return retryLater("the delivery changed while it was being handled", RACE_RECHECK_MS);
    deps.afterCommit();
    log.info("delivery failed", { code, reason });
    return ok();
  };

  if (delivery.status === "sent" || delivery.status === "failed") {
    log.debug("delivery already settled; nothing to do", { status: delivery.status });
    return ok();
  }
  if (delivery.status === "sending") {
    // A send was started and its result never recorded. Sending again could reach the recipient
    // twice, so unless the claim is fresh enough to belong to a live handler, give up on it.
    const age = context.now.getTime() - delivery.updated_at.getTime();
    const lease = deps.settings.sendLeaseMs ?? DEFAULT_SEND_LEASE_MS;
    if (age < lease) return retryLater("another handler is sending this delivery", lease - age);
    return fail(DeliveryFailureCode.OUTCOME_UNKNOWN, `a send through ${delivery.provider ?? "the provider"} was started and its outcome never recorded`, delivery.provider);
  }

  const hold = await holdIfPaused(deps.db, delivery, expected, request, context.now);
  if (hold === "cancelled") return fail(DeliveryFailureCode.CAMPAIGN_CANCELLED, "the campaign was cancelled", null);
  if (hold === "raced") return retryLater("the delivery changed while it was being held", RACE_RECHECK_MS);
  if (hold === "held") {
    log.info("delivery held: its campaign is paused");
    return ok();
  }
  // Held, but the campaign is no longer paused: its resume has requested it again under a new id.
  if (delivery.status === "held") return ok();

  const choice = deps.providers.select(request.channel, request.recipient);
  if (choice.kind === "unavailable") return fail(choice.code, choice.reason, null);

  const unsubscribeUrl = unsubscribeUrlFor(deps.settings.publicBaseUrl, request.delivery_id);
  const rendered = await renderMessage(deps.render, event.envelope.tenant_id, request, unsubscribeUrl);
  if (rendered.kind === "failed") return fail(rendered.code, rendered.reason, null);
  if (rendered.kind === "unavailable") {
    if (lastTry) return fail(DeliveryFailureCode.RENDER_UNAVAILABLE, `the template renderer was unavailable on every try: ${rendered.reason}`, null);
    await releaseForRetry(deps.db, delivery, expected, { code: DeliveryFailureCode.RENDER_UNAVAILABLE, reason: rendered.reason }, context.now);
    return retryLater(`template renderer unavailable: ${rendered.reason}`);
  }

  const provider = choice.provider;
  const attempt = await claimForSending(deps.db, delivery, provider.name, deps.clock.now());
  if (attempt === undefined) return retryLater("another handler claimed this delivery", RACE_RECHECK_MS);

  const message: OutboundMessage = {
    deliveryId: request.delivery_id,
    tenantId: event.envelope.tenant_id,
    campaignId: request.campaign_id,
    channel: request.channel,
    recipient: request.recipient,
    content: rendered.content,
    unsubscribeUrl,
  };
  const result = await sendSafely(provider, message);
  log.info("provider answered", { provider: provider.name, attempt, outcome: result.kind, ...(result.kind === "sent" ? {} : { code: result.code }) });
  const settledAt: OutcomeContext = { ...context, now: deps.clock.now() };
  return persistAfterSend(() => settleSendResult(deps, delivery, { provider: provider.name, attempt, result }, settledAt, lastTry), log);
}

/** Adapters return failures as values; a throw is a bug, and nobody knows what it sent. */
async function sendSafely(provider: ChannelProvider, message: OutboundMessage): Promise<SendResult> {
  try {
    return await provider.send(message);
  } catch (error) {
    return { kind: "unknown", code: "PROVIDER_ADAPTER_ERROR", reason: error instanceof Error ? error.message : String(error) };
  }
}

async function settleSendResult(deps: DeliveryDeps, delivery: Delivery, call: ProviderCall, context: OutcomeContext, lastTry: boolean): Promise<HandlerOutcome> {
  const { result } = call;
  const sending: ExpectedState = { status: "sending", attempts: call.attempt };
  const settled = (applied: boolean): HandlerOutcome => {
    if (applied) deps.afterCommit();
    else deps.logger.error("the delivery was settled elsewhere while its send was in flight", { delivery_id: delivery.delivery_id, outcome: result.kind });
    return ok();
  };

  switch (result.kind) {
    case "sent":
      return settled(await settleSent(deps.db, delivery, { ...call, result }, context));
    case "rejected":
      return settled(await settleFailed(deps.db, delivery, sending, { code: result.code, reason: result.reason, provider: call.provider, call, optedOut: result.optedOut ?? false }, context));
    case "unknown":
      return settled(
        await settleFailed(deps.db, delivery, sending, { code: DeliveryFailureCode.OUTCOME_UNKNOWN, reason: `${result.code}: ${result.reason}`, provider: call.provider, call }, context),
      );
    case "retryable": {
      if (lastTry) {
        const reason = `gave up after ${call.attempt} provider attempts; last: ${result.code} ${result.reason}`;
        return settled(await settleFailed(deps.db, delivery, sending, { code: DeliveryFailureCode.ATTEMPTS_EXHAUSTED, reason, provider: call.provider, call }, context));
      }
      const released = await releaseForRetry(deps.db, delivery, sending, { code: result.code, reason: result.reason, call }, context.now);
      if (!released) return settled(false);
      return retryLater(`${call.provider} ${result.code}: ${result.reason}`, result.retryAfterMs);
    }
  }
}
