import { connectBus, RpcClient, RpcServer, type Bus } from "@mcb/bus";
import { connectDb, migrateSchema, type DbHandle } from "@mcb/db";
import { createLogger } from "@mcb/telemetry";
import { createTestEnv, type TestEnv } from "@mcb/testkit";
import type { AudienceDatabase } from "./db";
import { migrations, schema } from "./migrations";
import { registerAudienceHandlers } from "./rpc-handlers";

const logger = createLogger({ test: "audience-rpc" }, "silent");
let env: TestEnv;
let handle: DbHandle<AudienceDatabase>;
let bus: Bus;
let server: RpcServer;
let client: RpcClient;

beforeAll(async () => {
  env = await createTestEnv("aud");
  const migrator = connectDb<unknown>(env.databaseUrl, schema, { max: 1 });
  await migrateSchema(migrator.db, schema, migrations).finally(() => migrator.close());
  handle = connectDb<AudienceDatabase>(env.databaseUrl, schema, { max: 4 });
  bus = await connectBus({ url: env.natsUrl, prefix: env.prefix, name: "audience-rpc-test", logger });
  server = registerAudienceHandlers(new RpcServer(bus, "audience-service", logger), { db: handle.db });
  client = new RpcClient(bus);
});
afterAll(async () => {
  await server.stop();
  await bus.nc.close();
  await handle.close();
  await env.cleanup();
});

test("upsert, estimate and resolve answer over request/reply", async () => {
  const upserted = await client.call("svc.audience.upsert", {
    tenant_id: "agency-rpc",
    contacts: [
      { email: "ava@example.com", email_opt_in: true, city: "Austin", household_income: 300_000, timezone: "America/Chicago" },
      { phone: "+15125550002", sms_opt_in: true, city: "Austin", household_income: 90_000 },
    ],
  });
  expect(upserted).toMatchObject({ created: 2, updated: 0 });

  // Filter groups left out default to {} in the catalog schema.
  const estimate = await client.call("svc.audience.estimate", {
    tenant_id: "agency-rpc",
    criteria: { geographic_filters: { city: "austin" }, demographic_filters: { income_range: "250k+" } },
    channels: ["EMAIL", "SMS"],
  });
  expect(estimate).toMatchObject({ audience_size: 1, estimated_reach: 1, reachable_by_channel: { EMAIL: 1, SMS: 0 }, dominant_timezone: "America/Chicago" });

  const page = await client.call("svc.audience.resolve", { tenant_id: "agency-rpc", criteria: {}, channels: ["SMS"] });
  expect(page).toEqual({ recipients: [{ contact_id: upserted.contacts[1]!.id, phone: "+15125550002", city: "Austin", channels: ["SMS"] }], next_after: null });
});

test("an invalid request is VALIDATION_FAILED naming the field, and stores nothing", async () => {
  await expect(
    client.call("svc.audience.upsert", { tenant_id: "agency-rpc-2", contacts: [{ email: "fine@example.com" }, { email: "not-an-email" }] }),
  ).rejects.toMatchObject({ code: "VALIDATION_FAILED", fields: [expect.objectContaining({ field: "contacts.1.email" })] });
  const stored = await handle.db.selectFrom("contacts").select("id").where("tenant_id", "=", "agency-rpc-2").execute();
  expect(stored).toEqual([]);
});

test("criteria the catalog accepts but cannot be applied are VALIDATION_FAILED too", async () => {
  await expect(
    client.call("svc.audience.estimate", { tenant_id: "agency-rpc", criteria: { demographic_filters: { income_range: "250k-100k" } }, channels: ["EMAIL"] }),
  ).rejects.toMatchObject({ code: "VALIDATION_FAILED", fields: [{ field: "criteria.demographic_filters.income_range", message: expect.stringContaining("lower bound above") }] });
});

test("an unknown contact id is NOT_FOUND across the wire", async () => {
  await expect(client.call("svc.audience.upsert", { tenant_id: "agency-rpc", contacts: [{ id: "ct_00000000000000000000", first_name: "Nobody" }] })).rejects.toMatchObject({
    code: "NOT_FOUND",
    fields: [{ field: "contacts.0.id", message: "no contact with this id" }],
  });
});
