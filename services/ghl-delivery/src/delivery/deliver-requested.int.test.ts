import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ServiceError } from "@mcb/bus";
import { loadConfig } from "@mcb/config";
import type { DeliveryRequested, RenderedContent, RenderRequest } from "@mcb/contracts";
import { connectDb, type DbHandle } from "@mcb/db";
import { migrateService } from "@mcb/runtime";
import { createLogger } from "@mcb/telemetry";
import { createTestEnv, startSendGridFake, startTwilioFake, type SendGridFake, type TestEnv, type TwilioFake } from "@mcb/testkit";
import type { DeliveryDatabase } from "../db";
import { deliveryEnv } from "../env";
import { migrations, schema } from "../migrations";
import { createProviderSelector, type ProviderSelector } from "../providers/provider-factory";
import { deliverRequested, type DeliveryDeps, type DeliveryRequestedEvent } from "./deliver-requested";
import { handleCampaignLifecycle, holdFor, type CampaignEvent } from "./campaign-holds";

const TWILIO_ACCOUNT = `AC${"3".repeat(32)}`;
const logger = createLogger({ test: "deliver-requested" }, "silent");

let env: TestEnv;
let handle: DbHandle<DeliveryDatabase>;
let sendgrid: SendGridFake;
let twilio: TwilioFake;
let silentServer: Server;
let silentUrl: string;

beforeAll(async () => {
  env = await createTestEnv("dlv");
  handle = connectDb<DeliveryDatabase>(env.databaseUrl, schema, { max: 4 });
  await migrateService({ schema, migrations }, env.databaseUrl);
  sendgrid = await startSendGridFake({ apiKey: "SG.int" });
  twilio = await startTwilioFake({ accountSid: TWILIO_ACCOUNT, authToken: "tok", unsubscribed: ["+14155550199"] });
  // Takes requests and never answers: a provider whose outcome cannot be known.
  silentServer = createServer(() => undefined);
  await new Promise<void>((resolve) => silentServer.listen(0, "127.0.0.1", resolve));
  silentUrl = `http://127.0.0.1:${(silentServer.address() as AddressInfo).port}`;
});
afterAll(async () => {
  silentServer.closeAllConnections();
  silentServer.close();
  await Promise.all([sendgrid.close(), twilio.close()]);
  await handle.close();
  await env.cleanup();
});
beforeEach(() => {
  sendgrid.reset();
  twilio.reset();
});

const selector = (vars: Record<string, string> = {}, timeoutMs?: number): ProviderSelector =>
  createProviderSelector(
    loadConfig(deliveryEnv, {
      SENDGRID_API_BASE_URL: sendgrid.url,
      SENDGRID_API_KEY: "SG.int",
      EMAIL_FROM: "Jane Agent <jane@agency.com>",
      TWILIO_API_BASE_URL: twilio.url,
      TWILIO_ACCOUNT_SID: TWILIO_ACCOUNT,
      TWILIO_AUTH_TOKEN: "tok",
      TWILIO_FROM_NUMBER: "+14155550111",
      PUBLIC_BASE_URL: "https://mcb.example.com",
      ...vars,
    }),
    timeoutMs !== undefined ? { timeoutMs } : {},
  );

const renderCalls: RenderRequest[] = [];
const plainRender = async (request: RenderRequest): Promise<RenderedContent> => {
  renderCalls.push(request);
  const name = String(request.variables.first_name ?? "there");
  return {
    channel: request.channel,
    ...(request.channel === "EMAIL" ? { subject: `Homes in ${String(request.variables.city ?? "town")}`, html: `<p>Hi ${name}</p>` } : {}),
    text: `Hi ${name}. Unsubscribe: ${String(request.variables.unsubscribe_url)}`,
  };
};

function deps(overrides: Partial<DeliveryDeps> = {}): DeliveryDeps & { kicks: number } {
  const state = { kicks: 0 };
  return Object.assign(state, {
    db: handle.db,
    render: plainRender,
    providers: selector(),
    clock: { now: () => new Date() },
    logger,
    afterCommit: () => void state.kicks++,
    settings: { publicBaseUrl: "https://mcb.example.com", maxAttempts: 3 },
    ...overrides,
  });
}

let sequence = 0;
function requested(overrides: Partial<DeliveryRequested> = {}, deliveryCount = 1): DeliveryRequestedEvent {
  const deliveryId = `dlv_int_${++sequence}_${Date.now().toString(36)}`;
  const data: DeliveryRequested = {
    delivery_id: deliveryId,
    campaign_id: "camp_abcdef1234",
    step: 0,
    channel: "EMAIL",
    recipient: { contact_id: `ct_${sequence}`, first_name: "Ann", last_name: "Lee", city: "Austin", email: "ann@example.com", phone: "+14155550100", channels: ["EMAIL", "SMS"] },
    template: { template_id: "tpl_listing", version: 2 },
    variables: { agent_name: "Jane Agent", first_name: "Friend" },
    ...overrides,
  };
  return {
    envelope: { id: `delivery.requested:${deliveryId}`, type: "delivery.requested", version: 1, occurred_at: new Date().toISOString(), tenant_id: "tenant_a", correlation_id: data.campaign_id, data },
    data,
    deliveryCount,
  };
}
const again = (event: DeliveryRequestedEvent, deliveryCount: number): DeliveryRequestedEvent => ({ ...event, deliveryCount });

const row = (id: string) => handle.db.selectFrom("deliveries").selectAll().where("delivery_id", "=", id).executeTakeFirstOrThrow();
const outbox = (id: string) => handle.db.selectFrom("outbox").selectAll().where("id", "like", `%:${id}`).execute();
const responses = (id: string) => handle.db.selectFrom("provider_responses").selectAll().where("delivery_id", "=", id).orderBy("attempt").execute();

test("happy path: one email sent, one sent row, one delivery.sent in the outbox", async () => {
  const d = deps();
  const event = requested();
  expect(await deliverRequested(d, event)).toEqual({ kind: "ok" });

  expect(sendgrid.requests).toHaveLength(1);
  const stored = await row(event.data.delivery_id);
  expect(stored).toMatchObject({ status: "sent", provider: "sendgrid", attempts: 1, tenant_id: "tenant_a", contact_id: event.data.recipient.contact_id, last_error_code: null });
  expect(stored.provider_message_id).toBeTruthy();
  expect(stored.sent_at).toBeInstanceOf(Date);

  const events = await outbox(event.data.delivery_id);
  expect(events).toHaveLength(1);
  expect(events[0]).toMatchObject({ id: `delivery.sent:${event.data.delivery_id}`, subject: "delivery.sent", published_at: null });
  expect(events[0]?.envelope).toMatchObject({
    tenant_id: "tenant_a",
    correlation_id: "camp_abcdef1234",
    data: { delivery_id: event.data.delivery_id, provider: "sendgrid", provider_message_id: stored.provider_message_id, channel: "EMAIL" },
  });
  expect(await responses(event.data.delivery_id)).toMatchObject([{ attempt: 1, http_status: 202, outcome: "sent" }]);
  expect(d.kicks).toBe(1);

  const unsubscribe = `https://mcb.example.com/api/v1/marketing/unsubscribe/${event.data.delivery_id}`;
  expect(renderCalls.at(-1)).toEqual({
    tenant_id: "tenant_a",
    template: { template_id: "tpl_listing", version: 2 },
    channel: "EMAIL",
    variables: { agent_name: "Jane Agent", first_name: "Ann", last_name: "Lee", city: "Austin", unsubscribe_url: unsubscribe },
  });
  expect(sendgrid.requests[0]?.body.headers).toMatchObject({ "List-Unsubscribe": `<${unsubscribe}>` });
});

test("a duplicate event sends nothing more and emits nothing more", async () => {
  const d = deps();
  const event = requested();
  await deliverRequested(d, event);
  expect(await deliverRequested(d, again(event, 2))).toEqual({ kind: "ok" });
  expect(await deliverRequested(d, { ...event, envelope: { ...event.envelope, id: "another-envelope-same-delivery" } })).toEqual({ kind: "ok" });
  expect(sendgrid.requests).toHaveLength(1);
  expect(await outbox(event.data.delivery_id)).toHaveLength(1);
  expect(d.kicks).toBe(1);
});

test("a row left in sending after a crash is failed as OUTCOME_UNKNOWN without a second request", async () => {
  const event = requested({ channel: "SMS" });
  const longAgo = new Date(Date.now() - 10 * 60_000);
  await handle.db
    .insertInto("deliveries")
    .values({ delivery_id: event.data.delivery_id, tenant_id: "tenant_a", campaign_id: event.data.campaign_id, contact_id: event.data.recipient.contact_id, channel: "SMS", step: 0, status: "sending", provider: "twilio", provider_message_id: null, attempts: 1, last_error_code: null, last_error: null, requested_at: longAgo, sent_at: null, updated_at: longAgo })
    .execute();

  expect(await deliverRequested(deps(), again(event, 2))).toEqual({ kind: "ok" });
  expect(twilio.requests).toHaveLength(0);
  expect(twilio.refused).toHaveLength(0);
  expect(await row(event.data.delivery_id)).toMatchObject({ status: "failed", last_error_code: "OUTCOME_UNKNOWN", provider: "twilio" });
  const events = await outbox(event.data.delivery_id);
  expect(events.map((e) => e.id)).toEqual([`delivery.failed:${event.data.delivery_id}`]);
  expect(events[0]?.envelope.data).toMatchObject({ code: "OUTCOME_UNKNOWN", provider: "twilio" });
});

test("a fresh sending claim belongs to a live handler: retry later, send nothing", async () => {
  const event = requested();
  await handle.db
    .insertInto("deliveries")
    .values({ delivery_id: event.data.delivery_id, tenant_id: "tenant_a", campaign_id: event.data.campaign_id, contact_id: "c", channel: "EMAIL", step: 0, status: "sending", provider: "sendgrid", provider_message_id: null, attempts: 1, last_error_code: null, last_error: null, requested_at: new Date(), sent_at: null, updated_at: new Date() })
    .execute();
  const outcome = await deliverRequested(deps({ settings: { publicBaseUrl: "https://mcb.example.com", maxAttempts: 3, sendLeaseMs: 30_000 } }), event);
  expect(outcome).toMatchObject({ kind: "retry", delayMs: expect.any(Number) });
  expect(outcome.kind === "retry" && outcome.delayMs).toBeLessThanOrEqual(30_000);
  expect(sendgrid.requests).toHaveLength(0);
  expect((await row(event.data.delivery_id)).status).toBe("sending");
});

test("a retryable failure, then success on the redelivery", async () => {
  const d = deps();
  const event = requested({ channel: "SMS" });
  twilio.failNext(1, 429, undefined, { "retry-after": "3" });

  expect(await deliverRequested(d, event)).toMatchObject({ kind: "retry", delayMs: 3_000 });
  expect(await row(event.data.delivery_id)).toMatchObject({ status: "pending", attempts: 1, last_error_code: "20429" });
  expect(await outbox(event.data.delivery_id)).toHaveLength(0);

  expect(await deliverRequested(d, again(event, 2))).toEqual({ kind: "ok" });
  expect(twilio.requests).toHaveLength(1);
  expect(twilio.requests[0]?.body).toMatchObject({ To: "+14155550100", From: "+14155550111", StatusCallback: "https://mcb.example.com/api/v1/marketing/webhooks/twilio" });
  expect(await row(event.data.delivery_id)).toMatchObject({ status: "sent", provider: "twilio", attempts: 2, last_error_code: null });
  expect((await responses(event.data.delivery_id)).map((r) => [r.attempt, r.http_status, r.outcome])).toEqual([
    [1, 429, "retryable"],
    [2, 201, "sent"],
  ]);
  expect((await outbox(event.data.delivery_id)).map((e) => e.subject)).toEqual(["delivery.sent"]);
});

test("exhausting the attempts ends failed, with delivery.failed in the outbox", async () => {
  const d = deps();
  const event = requested();
  sendgrid.failNext(3, 503);
  expect((await deliverRequested(d, event)).kind).toBe("retry");
  expect((await deliverRequested(d, again(event, 2))).kind).toBe("retry");
  expect(await deliverRequested(d, again(event, 3))).toEqual({ kind: "ok" });

  expect(await row(event.data.delivery_id)).toMatchObject({ status: "failed", attempts: 3, last_error_code: "ATTEMPTS_EXHAUSTED" });
  const events = await outbox(event.data.delivery_id);
  expect(events.map((e) => e.id)).toEqual([`delivery.failed:${event.data.delivery_id}`]);
  expect(events[0]?.envelope.data).toMatchObject({ code: "ATTEMPTS_EXHAUSTED", provider: "sendgrid", reason: expect.stringContaining("HTTP_503") });
  expect(d.kicks).toBe(1);
});

test("a channel with no provider account fails cleanly as CHANNEL_NOT_CONFIGURED", async () => {
  const d = deps({ providers: createProviderSelector(loadConfig(deliveryEnv, {})) });
  const event = requested({ channel: "SMS" });
  expect(await deliverRequested(d, event)).toEqual({ kind: "ok" });
  expect(await row(event.data.delivery_id)).toMatchObject({ status: "failed", attempts: 0, provider: null, last_error_code: "CHANNEL_NOT_CONFIGURED" });
  expect((await outbox(event.data.delivery_id))[0]?.envelope.data).toMatchObject({ code: "CHANNEL_NOT_CONFIGURED", provider: null });
  expect(twilio.requests.length + twilio.refused.length).toBe(0);
});

test("a recipient without an address for the channel fails as NO_ADDRESS", async () => {
  const event = requested({ recipient: { contact_id: "c_noemail", phone: "+14155550100", channels: ["SMS"] } });
  expect(await deliverRequested(deps(), event)).toEqual({ kind: "ok" });
  expect(await row(event.data.delivery_id)).toMatchObject({ status: "failed", last_error_code: "NO_ADDRESS" });
  expect(sendgrid.requests).toHaveLength(0);
});

test("a provider refusal fails with the provider's code and is not retried", async () => {
  const event = requested({ channel: "SMS", recipient: { contact_id: "c_stop", phone: "+14155550199", channels: ["SMS"] } });
  expect(await deliverRequested(deps(), event)).toEqual({ kind: "ok" });
  expect(await row(event.data.delivery_id)).toMatchObject({ status: "failed", provider: "twilio", last_error_code: "21610" });
  const events = await outbox(event.data.delivery_id);
  expect(events.find((e) => e.subject === "delivery.failed")?.envelope.data).toMatchObject({ code: "21610", reason: "Attempt to send to unsubscribed recipient" });
  // A STOP at Twilio is an opt-out the audience-service must hear about, in the same transaction.
  expect(events.find((e) => e.subject === "engagement.recorded")?.envelope.data).toMatchObject({ kind: "unsubscribed", channel: "SMS", contact_id: "c_stop" });
});

test("a provider that takes the request but never answers is failed as OUTCOME_UNKNOWN, not retried", async () => {
  const d = deps({ providers: selector({ SENDGRID_API_BASE_URL: silentUrl }, 300) });
  const event = requested();
  expect(await deliverRequested(d, event)).toEqual({ kind: "ok" });
  expect(await row(event.data.delivery_id)).toMatchObject({ status: "failed", last_error_code: "OUTCOME_UNKNOWN" });
  expect(await responses(event.data.delivery_id)).toMatchObject([{ attempt: 1, http_status: null, outcome: "unknown", code: "PROVIDER_TIMEOUT" }]);
});

test("render failures: refused → RENDER_FAILED; unavailable → retry, then RENDER_UNAVAILABLE on the last try", async () => {
  const refused = requested();
  const notFound = async (): Promise<RenderedContent> => {
    throw new ServiceError("NOT_FOUND", "template tpl_listing v2 not found");
  };
  expect(await deliverRequested(deps({ render: notFound }), refused)).toEqual({ kind: "ok" });
  expect(await row(refused.data.delivery_id)).toMatchObject({ status: "failed", last_error_code: "RENDER_FAILED" });

  const timedOut = async (): Promise<RenderedContent> => {
    throw new ServiceError("UPSTREAM_TIMEOUT", "template-renderer did not answer");
  };
  const event = requested();
  expect((await deliverRequested(deps({ render: timedOut }), event)).kind).toBe("retry");
  expect(await row(event.data.delivery_id)).toMatchObject({ status: "pending", attempts: 0, last_error_code: "RENDER_UNAVAILABLE" });
  expect(await deliverRequested(deps({ render: timedOut }), again(event, 3))).toEqual({ kind: "ok" });
  expect(await row(event.data.delivery_id)).toMatchObject({ status: "failed", last_error_code: "RENDER_UNAVAILABLE" });
  expect(sendgrid.requests).toHaveLength(0);
});

test("an email rendered without a subject is not sent", async () => {
  const event = requested();
  const noSubject = async (request: RenderRequest): Promise<RenderedContent> => ({ channel: request.channel, text: "Hi" });
  expect(await deliverRequested(deps({ render: noSubject }), event)).toEqual({ kind: "ok" });
  expect(await row(event.data.delivery_id)).toMatchObject({ status: "failed", last_error_code: "RENDER_INVALID" });
  expect(sendgrid.requests.length + sendgrid.refused.length).toBe(0);
});

describe("paused and cancelled campaigns", () => {
  const lifecycle = (subject: "campaign.paused" | "campaign.resumed" | "campaign.cancelled", campaignId: string, at: Date): CampaignEvent => {
    const data = { campaign_id: campaignId, campaign_name: "c", campaign_type: "market_update" as const, campaign_status: "PAUSED" as const, scheduled_send_date: null, audience_size: 1 };
    return { subject, data, envelope: { id: `${subject}:${campaignId}:${at.getTime()}`, type: subject, version: 1, occurred_at: at.toISOString(), tenant_id: "tenant_a", data } };
  };
  const noKick = () => undefined;

  test("a paused campaign's delivery waits unsent, and is requested again (same delivery id) on resume", async () => {
    const campaignId = "camp_paused0001";
    await handleCampaignLifecycle(handle.db, noKick, lifecycle("campaign.paused", campaignId, new Date(Date.now() - 2_000)));
    const event = requested({ campaign_id: campaignId });
    expect(await deliverRequested(deps(), event)).toEqual({ kind: "ok" });
    expect(sendgrid.requests).toHaveLength(0);
    expect(await row(event.data.delivery_id)).toMatchObject({ status: "held", attempts: 0 });
    // A redelivery while paused changes nothing.
    expect(await deliverRequested(deps(), again(event, 2))).toEqual({ kind: "ok" });

    // An older resume (from before the pause) is ignored; the current one releases the delivery.
    await handleCampaignLifecycle(handle.db, noKick, lifecycle("campaign.resumed", campaignId, new Date(Date.now() - 5_000)));
    expect((await row(event.data.delivery_id)).status).toBe("held");
    await handleCampaignLifecycle(handle.db, noKick, lifecycle("campaign.resumed", campaignId, new Date()));
    expect((await row(event.data.delivery_id)).status).toBe("pending");
    const resent = (await outbox(event.data.delivery_id)).concat(await handle.db.selectFrom("outbox").selectAll().where("id", "like", `delivery.requested:${event.data.delivery_id}:resumed:%`).execute());
    const request = resent.find((r) => r.subject === "delivery.requested");
    expect(request?.envelope.data).toEqual(event.data);

    expect(await deliverRequested(deps(), { ...event, envelope: { ...event.envelope, id: request!.id } })).toEqual({ kind: "ok" });
    expect(sendgrid.requests).toHaveLength(1);
    expect((await row(event.data.delivery_id)).status).toBe("sent");
  });

  test("a pause announced before a resume but handled after it does not hold the campaign again", async () => {
    const campaignId = "camp_latepause01";
    const t0 = Date.now();
    await handleCampaignLifecycle(handle.db, noKick, lifecycle("campaign.paused", campaignId, new Date(t0 - 3_000)));
    await handleCampaignLifecycle(handle.db, noKick, lifecycle("campaign.resumed", campaignId, new Date(t0 - 1_000)));
    await handleCampaignLifecycle(handle.db, noKick, lifecycle("campaign.paused", campaignId, new Date(t0 - 2_000))); // late, older
    expect(await holdFor(handle.db, "tenant_a", campaignId)).toBe("active");
    const event = requested({ campaign_id: campaignId });
    expect(await deliverRequested(deps(), event)).toEqual({ kind: "ok" });
    expect((await row(event.data.delivery_id)).status).toBe("sent");
  });

  test("a pause and a newer resume handled at the same moment (two worker copies) end resumed", async () => {
    const t0 = Date.now();
    for (let i = 0; i < 20; i++) {
      const campaignId = `camp_race${String(i).padStart(6, "0")}`;
      await Promise.all([
        handleCampaignLifecycle(handle.db, noKick, lifecycle("campaign.paused", campaignId, new Date(t0 - 2_000))),
        handleCampaignLifecycle(handle.db, noKick, lifecycle("campaign.resumed", campaignId, new Date(t0 - 1_000))),
      ]);
      expect(await holdFor(handle.db, "tenant_a", campaignId)).toBe("active");
    }
  });

  test("cancelling fails held deliveries and every later one, and is final", async () => {
    const campaignId = "camp_cancel0001";
    await handleCampaignLifecycle(handle.db, noKick, lifecycle("campaign.paused", campaignId, new Date(Date.now() - 3_000)));
    const heldEvent = requested({ campaign_id: campaignId });
    await deliverRequested(deps(), heldEvent);
    await handleCampaignLifecycle(handle.db, noKick, lifecycle("campaign.cancelled", campaignId, new Date(Date.now() - 2_000)));
    expect(await row(heldEvent.data.delivery_id)).toMatchObject({ status: "failed", last_error_code: "CAMPAIGN_CANCELLED" });
    expect((await outbox(heldEvent.data.delivery_id)).map((r) => r.subject)).toEqual(["delivery.failed"]);

    const later = requested({ campaign_id: campaignId });
    expect(await deliverRequested(deps(), later)).toEqual({ kind: "ok" });
    expect(await row(later.data.delivery_id)).toMatchObject({ status: "failed", last_error_code: "CAMPAIGN_CANCELLED" });
    await handleCampaignLifecycle(handle.db, noKick, lifecycle("campaign.resumed", campaignId, new Date()));
    expect(await holdFor(handle.db, "tenant_a", campaignId)).toBe("cancelled");
    expect(sendgrid.requests).toHaveLength(0);
  });
});
