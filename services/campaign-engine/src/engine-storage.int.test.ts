import type { Kysely } from "kysely";
import { connectDb, migrateSchema, type DbHandle } from "@mcb/db";
import { createLogger } from "@mcb/telemetry";
import { createTestEnv, type TestEnv } from "@mcb/testkit";
import type { ConsumedEvent } from "@mcb/bus";
import { campaignVariables } from "./plan-campaign";
import type { CampaignDatabase, NewCampaignRow } from "./db";
import { handleDeliveryOutcome } from "./delivery-outcomes";
import type { EngineDeps } from "./engine-deps";
import { campaignEngineEnv } from "./env";
import { listCampaigns } from "./list-campaigns";
import { migrations, schema } from "./migrations";
import { MIN_HISTORY_SENDS, TenantRatesCache, tenantRates } from "./performance-history";

let env: TestEnv;
let handle: DbHandle<CampaignDatabase>;
let db: Kysely<CampaignDatabase>;
let deps: EngineDeps;
let commits = 0;

function campaign(id: string, overrides: Partial<NewCampaignRow> = {}): NewCampaignRow {
  return {
    campaign_id: id,
    tenant_id: "t1",
    owner_id: "tok_1",
    campaign_name: id,
    campaign_type: "property_showcase",
    campaign_status: "ACTIVE",
    audience: JSON.stringify({ audience_name: "a", criteria: { target_segments: ["LUXURY_BUYERS"] } }),
    delivery_channels: ["EMAIL"],
    personalization_level: "STANDARD",
    content_overrides: "{}",
    performance_goals: "{}",
    template_id: "tpl",
    template_version: 1,
    content_assets: "[]",
    trigger: JSON.stringify({ kind: "api" }),
    scheduled_send_date: new Date(),
    timezone: "UTC",
    audience_size: 2,
    estimated_reach: 2,
    expected_performance: "{}",
    suggestions: "[]",
    generation_time_ms: 1,
    launch_cursor: null,
    updated_at: new Date(),
    launched_at: new Date(),
    completed_at: null,
    request_fingerprint: null,
    ...overrides,
  };
}

function outcome(subject: "delivery.sent" | "delivery.failed", id: string, campaignId: string): ConsumedEvent<"delivery.sent" | "delivery.failed"> {
  const data =
    subject === "delivery.sent"
      ? { delivery_id: id, campaign_id: campaignId, contact_id: "c", channel: "EMAIL" as const, provider: "sendgrid", provider_message_id: "m", sent_at: new Date().toISOString() }
      : { delivery_id: id, campaign_id: campaignId, contact_id: "c", channel: "EMAIL" as const, provider: null, code: "X", reason: "x" };
  return { subject, deliveryCount: 1, data, envelope: { id: `${subject}:${id}`, type: subject, version: 1, occurred_at: new Date().toISOString(), tenant_id: "t1", data } } as ConsumedEvent<"delivery.sent" | "delivery.failed">;
}

beforeAll(async () => {
  env = await createTestEnv("engine");
  handle = connectDb<CampaignDatabase>(env.databaseUrl, schema);
  db = handle.db;
  await migrateSchema(db as Kysely<unknown>, schema, migrations);
  deps = {
    db,
    ask: () => Promise.reject(new Error("no peer services in this test")),
    afterCommit: () => void commits++,
    config: campaignEngineEnv.parse({}),
    history: new TenantRatesCache(db),
    now: () => new Date(),
    logger: createLogger({}, "silent"),
  };
});
afterAll(async () => {
  await handle.close();
  await env.cleanup();
});

test("delivery outcomes are counted once each and complete the campaign when all are in", async () => {
  await db.insertInto("campaigns").values(campaign("camp_outcomes01", { deliveries_total: 2, campaign_type: "lead_nurturing" } as Partial<NewCampaignRow>)).execute();
  await handleDeliveryOutcome(deps, outcome("delivery.sent", "d1", "camp_outcomes01"));
  await handleDeliveryOutcome(deps, outcome("delivery.sent", "d1", "camp_outcomes01")); // redelivered: no change
  let row = await db.selectFrom("campaigns").selectAll().where("campaign_id", "=", "camp_outcomes01").executeTakeFirstOrThrow();
  expect(row).toMatchObject({ deliveries_sent: 1, deliveries_failed: 0, campaign_status: "ACTIVE" });
  await handleDeliveryOutcome(deps, outcome("delivery.failed", "d2", "camp_outcomes01"));
  row = await db.selectFrom("campaigns").selectAll().where("campaign_id", "=", "camp_outcomes01").executeTakeFirstOrThrow();
  expect(row).toMatchObject({ deliveries_sent: 1, deliveries_failed: 1, campaign_status: "COMPLETED" });
  const events = await db.selectFrom("outbox").select("subject").where("id", "=", "campaign.completed:camp_outcomes01").execute();
  expect(events).toEqual([{ subject: "campaign.completed" }]);
  const activity = await db.selectFrom("campaign_activity").select(["kind", "count"]).where("campaign_id", "=", "camp_outcomes01").orderBy("kind").execute();
  expect(activity).toEqual([{ kind: "failed", count: 1 }, { kind: "sent", count: 1 }]);
});

test("expected rates come from the tenant's own history once it has enough sends, per type and segment", async () => {
  await db.insertInto("campaigns").values(campaign("camp_history01")).execute();
  const hour = new Date("2026-11-01T10:00:00Z");
  const add = (kind: string, count: number) => db.insertInto("campaign_activity").values({ campaign_id: "camp_history01", tenant_id: "t1", hour, channel: "EMAIL", kind, count }).execute();
  await add("sent", MIN_HISTORY_SENDS - 1);
  expect(await tenantRates(db, "t1", "property_showcase", ["LUXURY_BUYERS"])).toBeUndefined();
  await db.updateTable("campaign_activity").set({ count: 200 }).where("campaign_id", "=", "camp_history01").where("kind", "=", "sent").execute();
  await add("opened", 70);
  await add("clicked", 20);
  await add("converted", 4);
  expect(await tenantRates(db, "t1", "property_showcase", ["LUXURY_BUYERS"])).toEqual({ open_rate: 0.35, click_rate: 0.1, conversion_rate: 0.02 });
  expect(await tenantRates(db, "t1", "property_showcase", ["FIRST_TIME_BUYERS"])).toBeUndefined(); // no overlapping segment
  expect(await tenantRates(db, "t2", "property_showcase", [])).toBeUndefined(); // another tenant's history is not ours
  expect(await tenantRates(db, "t1", "market_update", [])).toBeUndefined();
});

test("listing pages through campaigns created at the same moment, and concurrently, without gaps or repeats", async () => {
  const at = new Date("2026-11-20T12:00:00Z");
  for (let i = 0; i < 7; i++) await db.insertInto("campaigns").values({ ...campaign(`camp_list${String(i).padStart(6, "0")}`, { campaign_type: "buyer_alerts" }), created_at: at } as NewCampaignRow).execute();
  // Concurrent inserts get microsecond timestamps a millisecond cursor could not tell apart.
  await Promise.all(Array.from({ length: 12 }, (_, i) => db.insertInto("campaigns").values(campaign(`camp_burst${String(i).padStart(6, "0")}`, { campaign_type: "seller_education" })).execute()));
  const burst: string[] = [];
  let next: string | undefined;
  do {
    const page = await listCampaigns(db, "t1", { campaign_type: "seller_education", limit: 5, ...(next ? { cursor: next } : {}) });
    burst.push(...page.items.map((c) => c.campaign_id));
    next = page.next_cursor ?? undefined;
  } while (next);
  expect(new Set(burst).size).toBe(12);
  const seen: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await listCampaigns(db, "t1", { campaign_type: "buyer_alerts", limit: 3, ...(cursor ? { cursor } : {}) });
    seen.push(...page.items.map((c) => c.campaign_id));
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  expect(seen).toHaveLength(7);
  expect(new Set(seen).size).toBe(7);
  expect(seen).toEqual([...seen].sort().reverse());
});

test("campaign variables: overrides win over the agency defaults", () => {
  const vars = campaignVariables(deps, { campaign_name: "Q1", content_overrides: { agent_name: "Dana", neighborhood: "SOMA" } });
  expect(vars).toMatchObject({ agent_name: "Dana", neighborhood: "SOMA", campaign_name: "Q1", agency_name: deps.config.AGENCY_NAME });
});
