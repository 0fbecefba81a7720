import { context, trace } from "@opentelemetry/api";
import { createLogger, startTracing, type TracingHandle } from "@mcb/telemetry";
import { createTestEnv, waitFor, type TestEnv } from "@mcb/testkit";
import { connectBus, ensureStreams, publishEvent, RpcClient, RpcServer, startEventConsumer, type Bus } from "./index";

const logger = createLogger({ test: "trace" }, "silent");
let env: TestEnv;
let bus: Bus;
let tracing: TracingHandle;

beforeAll(async () => {
  tracing = startTracing("trace-test", {});
  env = await createTestEnv("trace");
  bus = await connectBus({ url: env.natsUrl, prefix: env.prefix, name: "trace-test", logger });
  await ensureStreams(bus, ["SELLER"]);
});
afterAll(async () => {
  await bus.nc.close();
  await env.cleanup();
  await tracing.shutdown();
});

const activeTraceId = () => trace.getSpanContext(context.active())?.traceId;

test("W3C trace context travels in NATS headers through JetStream and request/reply", async () => {
  const seenByConsumer: (string | undefined)[] = [];
  const consumer = await startEventConsumer(
    bus,
    {
      stream: "SELLER",
      durable: "trace-test",
      maxDeliver: 2,
      ackWaitMs: 5_000,
      subjects: ["seller.stage.changed"],
      handle: async () => {
        seenByConsumer.push(activeTraceId());
        return { kind: "ok" };
      },
    },
    logger,
  );
  const server = new RpcServer(bus, "audience-service", logger).handle("svc.audience.estimate", async () => ({
    audience_size: 1,
    estimated_reach: 1,
    reachable_by_channel: { trace: activeTraceId() ? 1 : 0, [activeTraceId() ?? "none"]: 1 },
    dominant_timezone: null,
    calculation_time_ms: 0,
  }));

  const span = trace.getTracer("test").startSpan("api request");
  const traceId = span.spanContext().traceId;
  const reply = await context.with(trace.setSpan(context.active(), span), async () => {
    await publishEvent(bus, "seller.stage.changed", { tenantId: "t", data: { seller_id: "s", contact_id: "c", to_stage: "initial_contact" } });
    return new RpcClient(bus).call("svc.audience.estimate", { tenant_id: "t", criteria: {}, channels: ["EMAIL"] });
  });
  span.end();

  await waitFor(() => (seenByConsumer.length ? true : undefined));
  await consumer.stop();
  await server.stop();
  expect(traceId).toMatch(/^[0-9a-f]{32}$/);
  expect(seenByConsumer).toEqual([traceId]);
  expect(reply.reachable_by_channel[traceId]).toBe(1);
});
