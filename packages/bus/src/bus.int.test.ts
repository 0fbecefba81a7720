import { headers } from "@nats-io/transport-node";
import { createLogger } from "@mcb/telemetry";
import { createTestEnv, waitFor, type TestEnv } from "@mcb/testkit";
import { connectBus, ensureStreams, listDeadLetters, publishEvent, replayDeadLetter, RpcClient, RpcServer, ServiceError, startEventConsumer, type Bus, type ConsumedEvent } from "./index";

const logger = createLogger({ test: "bus" }, "silent");
let env: TestEnv;
let bus: Bus;

beforeAll(async () => {
  env = await createTestEnv("bus");
  bus = await connectBus({ url: env.natsUrl, prefix: env.prefix, name: "bus-test", logger });
  await ensureStreams(bus);
});
afterAll(async () => {
  await bus.nc.close();
  await env.cleanup();
});

const stage = { seller_id: "s1", contact_id: "c1", to_stage: "property_evaluation" as const };

test("ensureStreams is idempotent and publish de-duplicates on the envelope id", async () => {
  await ensureStreams(bus);
  const first = await publishEvent(bus, "seller.stage.changed", { tenantId: "t1", data: stage, id: "evt-dup-1" });
  const second = await publishEvent(bus, "seller.stage.changed", { tenantId: "t1", data: stage, id: "evt-dup-1" });
  expect(first.duplicate).toBe(false);
  expect(second.duplicate).toBe(true);
  expect(second.seq).toBe(first.seq);
});

test("a consumer gets typed events, retries with backoff, and dead-letters with the reason", async () => {
  const seen: ConsumedEvent<"property.valuation.completed">[] = [];
  const consumer = await startEventConsumer(
    bus,
    {
      stream: "PROPERTY",
      durable: "test-valuations",
      maxDeliver: 3,
      ackWaitMs: 5_000,
      backoffMs: [50],
      subjects: ["property.valuation.completed"],
      handle: async (event) => {
        seen.push(event);
        if (event.data.property_address === "fails always") return { kind: "retry", reason: "downstream unavailable" };
        return { kind: "ok" };
      },
    },
    logger,
  );
  const valuation = {
    valuation_id: "val_1",
    property_address: "1 Main St",
    property_type: "condo" as const,
    bedrooms: 2,
    bathrooms: 2,
    square_feet: 1000,
    estimated_value: 500_000,
    value_range: { low: 480_000, high: 520_000 },
    confidence_score: 0.9,
    comparable_sales: [],
    features: [],
  };
  await publishEvent(bus, "property.valuation.completed", { tenantId: "t1", data: valuation, id: "val-ok" });
  await publishEvent(bus, "property.valuation.completed", { tenantId: "t1", data: { ...valuation, property_address: "fails always" }, id: "val-bad" });
  // A poison message: valid JSON, but not an envelope.
  await bus.js.publish(bus.names.subject("property.valuation.completed"), JSON.stringify({ hello: "world" }), { msgID: "poison-1", headers: headers() });

  const letters = await waitFor(async () => {
    const found = await listDeadLetters(bus);
    return found.length >= 2 ? found : undefined;
  });
  await consumer.stop();

  expect(seen.filter((e) => e.envelope.id === "val-ok")).toHaveLength(1);
  expect(seen.filter((e) => e.envelope.id === "val-bad").map((e) => e.deliveryCount)).toEqual([1, 2, 3]);
  const poison = letters.find((l) => l.reason.startsWith("invalid envelope"));
  const exhausted = letters.find((l) => l.reason.includes("gave up after 3 tries"));
  expect(poison?.subject).toBe("property.valuation.completed");
  expect(poison?.reason).toContain("id");
  expect(exhausted?.reason).toContain("downstream unavailable");
  expect(exhausted?.deliveries).toBe(3);

  // Replaying puts it back on its subject and removes it from the dead-letter stream.
  const replayedTo = await replayDeadLetter(bus, exhausted!.sequence);
  expect(replayedTo).toBe("property.valuation.completed");
  const after = await listDeadLetters(bus);
  expect(after.find((l) => l.sequence === exhausted!.sequence)).toBeUndefined();
});

test("request/reply validates, answers typed errors, and reports a missing service", async () => {
  const server = new RpcServer(bus, "audience-service", logger).handle("svc.audience.estimate", async (req) => {
    if (req.tenant_id === "nobody") throw new ServiceError("NOT_FOUND", "no such tenant");
    return { audience_size: 10, estimated_reach: 9, reachable_by_channel: { EMAIL: 9 }, dominant_timezone: null, calculation_time_ms: 1 };
  });
  const client = new RpcClient(bus);
  const answer = await client.call("svc.audience.estimate", { tenant_id: "t1", criteria: {}, channels: ["EMAIL"] });
  expect(answer.audience_size).toBe(10);
  await expect(client.call("svc.audience.estimate", { tenant_id: "nobody", criteria: {}, channels: ["EMAIL"] })).rejects.toMatchObject({ code: "NOT_FOUND" });
  await expect(client.call("svc.audience.estimate", { tenant_id: "t1", criteria: {}, channels: [] })).rejects.toMatchObject({
    code: "VALIDATION_FAILED",
    fields: [expect.objectContaining({ field: "channels" })],
  });
  await server.stop();
  await expect(client.call("svc.audience.estimate", { tenant_id: "t1", criteria: {}, channels: ["EMAIL"] })).rejects.toMatchObject({ code: "UPSTREAM_UNAVAILABLE" });
});
