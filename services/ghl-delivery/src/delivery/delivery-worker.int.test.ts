import type { Kysely } from "kysely";
import { connectBus, ensureStreams, publishEvent, startEventConsumer, type Bus, type ConsumedEvent, type RunningConsumer } from "@mcb/bus";
import { loadConfig } from "@mcb/config";
import type { DeliveryRequested, RenderRequest } from "@mcb/contracts";
import { connectDb, OutboxRelay, type DbHandle, type OutboxDatabase } from "@mcb/db";
import { migrateService } from "@mcb/runtime";
import { createLogger } from "@mcb/telemetry";
import { createTestEnv, startGhlFake, waitFor, type GhlFake, type TestEnv } from "@mcb/testkit";
import type { DeliveryDatabase } from "../db";
import { deliveryEnv } from "../env";
import { migrations, schema } from "../migrations";
import { createProviderSelector } from "../providers/provider-factory";
import { deliverRequested } from "./deliver-requested";

// The whole path over the real bus: delivery.requested from JetStream → handler → GHL fake →
// outbox → relay → delivery.sent on JetStream, with the consumer settings main.ts uses.
const logger = createLogger({ test: "delivery-worker" }, "silent");
let env: TestEnv;
let handle: DbHandle<DeliveryDatabase>;
let bus: Bus;
let ghl: GhlFake;
let relay: OutboxRelay;
let worker: RunningConsumer;
let outcomes: RunningConsumer;
const seen: ConsumedEvent<"delivery.sent" | "delivery.failed">[] = [];

beforeAll(async () => {
  env = await createTestEnv("dlvw");
  handle = connectDb<DeliveryDatabase>(env.databaseUrl, schema, { max: 4 });
  await migrateService({ schema, migrations }, env.databaseUrl);
  bus = await connectBus({ url: env.natsUrl, prefix: env.prefix, name: "delivery-worker-test", logger });
  await ensureStreams(bus);
  ghl = await startGhlFake({ token: "pit-worker" });
  const config = loadConfig(deliveryEnv, { GHL_API_BASE_URL: ghl.url, GHL_API_TOKEN: "pit-worker", DELIVERY_MAX_ATTEMPTS: "3" });
  relay = new OutboxRelay(handle.db as unknown as Kysely<OutboxDatabase>, bus, logger, { pollMs: 200 });
  relay.start();
  const deps = {
    db: handle.db,
    render: async (request: RenderRequest) => ({ channel: request.channel, subject: "Just listed", text: `Hi ${String(request.variables.first_name)}` }),
    providers: createProviderSelector(config),
    clock: { now: () => new Date() },
    logger,
    afterCommit: () => relay.kick(),
    settings: { publicBaseUrl: config.PUBLIC_BASE_URL, maxAttempts: config.DELIVERY_MAX_ATTEMPTS },
  };
  worker = await startEventConsumer(
    bus,
    {
      stream: "DELIVERY_REQUESTS",
      durable: "ghl-delivery",
      subjects: ["delivery.requested"],
      maxDeliver: config.DELIVERY_MAX_ATTEMPTS,
      ackWaitMs: 60_000,
      concurrency: config.DELIVERY_CONCURRENCY,
      backoffMs: [100],
      handle: (event) => deliverRequested(deps, event),
    },
    logger,
  );
  outcomes = await startEventConsumer(
    bus,
    {
      stream: "DELIVERY_OUTCOMES",
      durable: "test-outcomes",
      subjects: ["delivery.sent", "delivery.failed"],
      maxDeliver: 3,
      ackWaitMs: 5_000,
      handle: async (event) => {
        seen.push(event);
        return { kind: "ok" };
      },
    },
    logger,
  );
});
afterAll(async () => {
  await worker.stop();
  await outcomes.stop();
  await relay.stop();
  await bus.nc.close();
  await ghl.close();
  await handle.close();
  await env.cleanup();
});

const request = (deliveryId: string, overrides: Partial<DeliveryRequested> = {}): DeliveryRequested => ({
  delivery_id: deliveryId,
  campaign_id: "camp_worker12345",
  step: 0,
  channel: "SMS",
  recipient: { contact_id: `ct_${deliveryId}`, first_name: "Bo", ghl_contact_id: `ghl_${deliveryId}`, channels: ["SMS"] },
  template: { template_id: "tpl_1", version: 1 },
  variables: {},
  ...overrides,
});

test("a requested delivery is sent once and delivery.sent reaches the stream, even when the request is published twice", async () => {
  const data = request("dlv_worker_1");
  await publishEvent(bus, "delivery.requested", { tenantId: "tenant_w", id: "req-1", data, correlationId: data.campaign_id });
  // A second publish of the same work under another id: the stream keeps both, the worker must not send twice.
  await publishEvent(bus, "delivery.requested", { tenantId: "tenant_w", id: "req-1-again", data, correlationId: data.campaign_id });

  const sent = await waitFor(() => seen.find((e) => e.subject === "delivery.sent" && e.data.delivery_id === "dlv_worker_1"), { what: "delivery.sent" });
  expect(sent.envelope).toMatchObject({ id: "delivery.sent:dlv_worker_1", tenant_id: "tenant_w", correlation_id: "camp_worker12345" });
  expect(sent.data).toMatchObject({ provider: "ghl", channel: "SMS", contact_id: "ct_dlv_worker_1" });

  await waitFor(async () => {
    const pending = await handle.db.selectFrom("outbox").select("id").where("published_at", "is", null).execute();
    return pending.length === 0 ? true : undefined;
  }, { what: "the outbox to drain" });
  expect(ghl.requests.filter((r) => r.body.contactId === "ghl_dlv_worker_1")).toHaveLength(1);
  expect(ghl.requests[0]?.body).toEqual({ type: "SMS", contactId: "ghl_dlv_worker_1", message: "Hi Bo" });
});

test("a delivery that cannot be sent ends with delivery.failed on the stream", async () => {
  const data = request("dlv_worker_2", { recipient: { contact_id: "ct_nobody", channels: ["SMS"] } });
  await publishEvent(bus, "delivery.requested", { tenantId: "tenant_w", id: "req-2", data });
  const failed = await waitFor(() => seen.find((e) => e.subject === "delivery.failed" && e.data.delivery_id === "dlv_worker_2"), { what: "delivery.failed" });
  expect(failed.data).toMatchObject({ code: "NO_ADDRESS", provider: null });
});
