import { Redis } from "ioredis";
import { sql } from "kysely";
import { connectDb, type DbHandle } from "@mcb/db";
import { migrateService } from "@mcb/runtime";
import { createLogger } from "@mcb/telemetry";
import { createTestEnv, type TestEnv } from "@mcb/testkit";
import type { RenderRequest } from "@mcb/contracts";
import type { TemplateDatabase } from "../db";
import { templateLibrary } from "../library";
import { migrations, schema } from "../migrations";
import { CachedTemplateVersions, templateVersionCacheKey } from "../store/cached-template-versions";
import { syncTemplateLibrary } from "../store/library-sync";
import { TemplateRenderer } from "./template-renderer";

const logger = createLogger({ test: "template-cache" }, "silent");
let env: TestEnv;
let handle: DbHandle<TemplateDatabase>;
let redis: Redis;

beforeAll(async () => {
  env = await createTestEnv("tplcache");
  await migrateService({ schema, migrations }, env.databaseUrl);
  handle = connectDb<TemplateDatabase>(env.databaseUrl, schema);
  await syncTemplateLibrary(handle.db, templateLibrary);
  redis = new Redis(env.redisUrl);
});
afterAll(async () => {
  for (const key of await scanKeys(`${env.redisPrefix}*`)) await redis.del(key);
  await redis.quit();
  await handle.close();
  await env.cleanup();
});

async function scanKeys(pattern: string): Promise<string[]> {
  const found: string[] = [];
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", pattern, "COUNT", 200);
    found.push(...keys);
    cursor = next;
  } while (cursor !== "0");
  return found;
}

/** A renderer with an empty in-memory cache, as a freshly started copy of the service has. */
function freshRenderer(): TemplateRenderer {
  const versions = new CachedTemplateVersions({ db: handle.db, redis, keyPrefix: env.redisPrefix, ttlSeconds: 120, logger });
  return new TemplateRenderer(versions, { compiledCacheSize: 50 });
}

const sms: RenderRequest = { tenant_id: "tenant-a", template: { template_id: "lib_buyer_alerts_new_match", version: 1 }, channel: "SMS", variables: { first_name: "Ana" } };
const key = () => templateVersionCacheKey(env.redisPrefix, sms.template);

test("a render caches the version in Redis, and a fresh copy is then served from Redis", async () => {
  const first = await freshRenderer().render(sms);
  expect(first.text).toMatch(/^Hi Ana, it's your real estate agent\. New match/);
  expect(key()).toBe(`${env.redisPrefix}template:lib_buyer_alerts_new_match:1`);
  expect(await redis.exists(key())).toBe(1);
  const ttl = await redis.ttl(key());
  expect(ttl).toBeGreaterThan(0);
  expect(ttl).toBeLessThanOrEqual(120);

  // Change the row underneath: a copy that still answers with the old words read Redis, not Postgres.
  await sql`update template_versions set contents = ${JSON.stringify([{ channel: "SMS", body: "Changed in Postgres" }])}::jsonb where template_id = ${sms.template.template_id} and version = 1`.execute(handle.db);
  const second = await freshRenderer().render(sms);
  expect(second.text).toBe(first.text);

  // Without the Redis entry the next fresh copy falls back to Postgres and caches again.
  await redis.del(key());
  const third = await freshRenderer().render(sms);
  expect(third.text).toBe("Changed in Postgres\nReply STOP to opt out");
  expect(await redis.exists(key())).toBe(1);
});

test("an unreadable cache entry is treated as a miss and replaced", async () => {
  const email: RenderRequest = { ...sms, template: { template_id: "lib_seller_education_prep", version: 1 }, channel: "EMAIL" };
  const emailKey = templateVersionCacheKey(env.redisPrefix, email.template);
  await redis.set(emailKey, "{not json", "EX", 60);
  const rendered = await freshRenderer().render(email);
  expect(rendered.subject).toBe("3 things that matter most when you sell in today's market");
  expect(JSON.parse((await redis.get(emailKey)) ?? "{}")).toMatchObject({ owner_tenant_id: null, template: { template_id: "lib_seller_education_prep", version: 1 } });
});

test("an unknown version is NOT_FOUND and leaves nothing in Redis", async () => {
  const missing: RenderRequest = { ...sms, template: { template_id: "lib_buyer_alerts_new_match", version: 99 } };
  await expect(freshRenderer().render(missing)).rejects.toMatchObject({ code: "NOT_FOUND" });
  expect(await redis.exists(templateVersionCacheKey(env.redisPrefix, missing.template))).toBe(0);
});
