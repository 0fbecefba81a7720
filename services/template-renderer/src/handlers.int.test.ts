import { Redis } from "ioredis";
import { connectBus, RpcClient, RpcServer, type Bus } from "@mcb/bus";
import { connectDb, type DbHandle } from "@mcb/db";
import { migrateService } from "@mcb/runtime";
import type { RpcRequest, RpcSubject } from "@mcb/contracts";
import { createLogger } from "@mcb/telemetry";
import { createTestEnv, type TestEnv } from "@mcb/testkit";
import type { TemplateDatabase } from "./db";
import { registerTemplateHandlers } from "./handlers";
import { libraryDefaultTemplateIds, templateLibrary } from "./library";
import { migrations, schema } from "./migrations";
import { TemplateRenderer } from "./render/template-renderer";
import { CachedTemplateVersions, templateVersionCacheKey } from "./store/cached-template-versions";
import { syncTemplateLibrary } from "./store/library-sync";

const logger = createLogger({ test: "template-rpc" }, "silent");
let env: TestEnv;
let handle: DbHandle<TemplateDatabase>;
let redis: Redis;
let bus: Bus;
let server: RpcServer;
let client: RpcClient;

async function deleteKeys(pattern: string): Promise<void> {
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", pattern, "COUNT", 200);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== "0");
}

/** A generous timeout: the first call opens pool connections, and CI machines are shared. */
function ask<S extends RpcSubject>(subject: S, request: RpcRequest<S>) {
  return client.call(subject, request, { timeoutMs: 10_000 });
}

beforeAll(async () => {
  env = await createTestEnv("tplrpc");
  await migrateService({ schema, migrations }, env.databaseUrl);
  handle = connectDb<TemplateDatabase>(env.databaseUrl, schema);
  await syncTemplateLibrary(handle.db, templateLibrary);
  // A template of tenant-b's own, which no other tenant may see.
  await handle.db
    .insertInto("templates")
    .values({ template_id: "tpl_b_showcase", tenant_id: "tenant-b", template_name: "B showcase", description: "", campaign_type: "property_showcase", target_segments: ["INVESTORS"], is_library: false, current_version: 1 })
    .execute();
  await handle.db
    .insertInto("template_versions")
    .values({ template_id: "tpl_b_showcase", version: 1, contents: JSON.stringify([{ channel: "EMAIL", subject: "For investors", body: "<p>Cap rates</p>" }]), variables: [], content_hash: "x" })
    .execute();

  redis = new Redis(env.redisUrl);
  bus = await connectBus({ url: env.natsUrl, prefix: env.prefix, name: "template-renderer-test", logger });
  server = new RpcServer(bus, "template-renderer", logger);
  const versions = new CachedTemplateVersions({ db: handle.db, redis, keyPrefix: env.redisPrefix, ttlSeconds: 60, logger });
  registerTemplateHandlers(server, {
    db: handle.db,
    renderer: new TemplateRenderer(versions, { compiledCacheSize: 50 }),
    libraryDefaultIds: new Set(Object.values(libraryDefaultTemplateIds)),
  });
  client = new RpcClient(bus);
});
afterAll(async () => {
  await server.stop();
  await bus.nc.close();
  await deleteKeys(`${env.redisPrefix}*`);
  await redis.quit();
  await handle.close();
  await env.cleanup();
});

test("svc.template.render answers escaped HTML, a text alternative and an SMS with opt-out", async () => {
  const template = { template_id: "lib_property_showcase_classic", version: 1 };
  const email = await ask("svc.template.render", { tenant_id: "tenant-a", template, channel: "EMAIL", variables: { first_name: "<script>x</script>", cta_url: "https://a.example/1" } });
  expect(email.channel).toBe("EMAIL");
  expect(email.html).toContain("Hi &lt;script&gt;x&lt;/script&gt;,");
  expect(email.html).not.toContain("<script>");
  expect(email.text).toContain("Schedule a private showing (https://a.example/1)");
  expect(await redis.exists(templateVersionCacheKey(env.redisPrefix, template))).toBe(1);

  const sms = await ask("svc.template.render", { tenant_id: "tenant-a", template, channel: "SMS", variables: {} });
  expect(sms).toEqual({ channel: "SMS", text: expect.stringMatching(/^Hi there, .*\nReply STOP to opt out$/s) });
});

test("svc.template.render answers NOT_FOUND and VALIDATION_FAILED with their codes", async () => {
  await expect(ask("svc.template.render", { tenant_id: "tenant-a", template: { template_id: "no_such_template", version: 1 }, channel: "EMAIL", variables: {} })).rejects.toMatchObject({
    code: "NOT_FOUND",
  });
  await expect(ask("svc.template.render", { tenant_id: "tenant-a", template: { template_id: "tpl_b_showcase", version: 1 }, channel: "EMAIL", variables: {} })).rejects.toMatchObject({
    code: "NOT_FOUND",
  });
  await expect(ask("svc.template.render", { tenant_id: "tenant-b", template: { template_id: "tpl_b_showcase", version: 1 }, channel: "SMS", variables: {} })).rejects.toMatchObject({
    code: "VALIDATION_FAILED",
    message: expect.stringContaining("SMS"),
  });
});

test("svc.template.list shows the library plus the tenant's own, filtered by type and segments", async () => {
  const forA = await ask("svc.template.list", { tenant_id: "tenant-a" });
  expect(forA.items).toHaveLength(templateLibrary.length);
  expect(forA.items.every((t) => t.is_library)).toBe(true);

  const forB = await ask("svc.template.list", { tenant_id: "tenant-b", campaign_type: "property_showcase" });
  expect(forB.items.map((t) => t.template_id).sort()).toEqual(["lib_property_showcase_classic", "lib_property_showcase_luxury", "tpl_b_showcase"]);

  const luxury = await ask("svc.template.list", { tenant_id: "tenant-a", target_segments: ["LUXURY_BUYERS"] });
  expect(luxury.items.map((t) => t.template_id)).toEqual(["lib_property_showcase_luxury"]);
});

test("svc.template.select picks the best match, or checks an explicit choice", async () => {
  const luxury = await ask("svc.template.select", { tenant_id: "tenant-a", campaign_type: "property_showcase", target_segments: ["LUXURY_BUYERS", "MOVE_UP_BUYERS"], channels: ["EMAIL", "SMS"] });
  expect(luxury.template_id).toBe("lib_property_showcase_luxury");
  expect(luxury.contents.map((c) => c.channel).sort()).toEqual(["EMAIL", "SMS"]);

  const byDefault = await ask("svc.template.select", { tenant_id: "tenant-a", campaign_type: "listing_promotion", channels: ["EMAIL"] });
  expect(byDefault.template_id).toBe(libraryDefaultTemplateIds.listing_promotion);

  const own = await ask("svc.template.select", { tenant_id: "tenant-b", campaign_type: "property_showcase", target_segments: ["INVESTORS"], channels: ["EMAIL"] });
  expect(own.template_id).toBe("tpl_b_showcase");

  await expect(ask("svc.template.select", { tenant_id: "tenant-a", campaign_type: "property_showcase", channels: ["EMAIL"], template_id: "tpl_b_showcase" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  await expect(ask("svc.template.select", { tenant_id: "tenant-b", campaign_type: "property_showcase", channels: ["SMS"], template_id: "tpl_b_showcase" })).rejects.toMatchObject({
    code: "VALIDATION_FAILED",
    fields: [{ field: "channels", message: expect.stringContaining("SMS") }],
  });
  await expect(ask("svc.template.select", { tenant_id: "tenant-a", campaign_type: "market_update", channels: ["EMAIL"], template_id: "lib_property_showcase_classic" })).rejects.toMatchObject({
    code: "VALIDATION_FAILED",
    fields: [{ field: "template_id", message: expect.any(String) }],
  });
});

test("svc.template.prepare selects and previews every deliverable channel in one answer", async () => {
  const prepared = await ask("svc.template.prepare", {
    tenant_id: "tenant-a",
    campaign_type: "property_showcase",
    target_segments: ["LUXURY_BUYERS"],
    channels: ["EMAIL", "SMS", "SOCIAL_MEDIA"],
    variables: { neighborhood: "SOMA", property_type: "luxury_condo" },
  });
  expect(prepared.template.template_id).toBe("lib_property_showcase_luxury");
  expect(prepared.previews.map((p) => p.channel)).toEqual(["EMAIL", "SMS"]);
  expect(prepared.previews[0]!.html).toContain("SOMA");
  expect(prepared.previews[1]!.text).toMatch(/STOP/);
});
