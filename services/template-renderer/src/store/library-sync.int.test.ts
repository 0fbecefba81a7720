import { connectDb, type DbHandle } from "@mcb/db";
import { migrateService } from "@mcb/runtime";
import { createTestEnv, type TestEnv } from "@mcb/testkit";
import type { TemplateDatabase } from "../db";
import { templateLibrary, type LibraryTemplate } from "../library";
import { migrations, schema } from "../migrations";
import { syncTemplateLibrary } from "./library-sync";

let env: TestEnv;
let handle: DbHandle<TemplateDatabase>;

beforeAll(async () => {
  env = await createTestEnv("tplsync");
  await migrateService({ schema, migrations }, env.databaseUrl);
  handle = connectDb<TemplateDatabase>(env.databaseUrl, schema);
});
afterAll(async () => {
  await handle.close();
  await env.cleanup();
});

async function versionsOf(templateId: string) {
  return handle.db.selectFrom("template_versions").select(["version", "content_hash", "variables"]).where("template_id", "=", templateId).orderBy("version").execute();
}

async function currentVersionOf(templateId: string) {
  const row = await handle.db.selectFrom("templates").select("current_version").where("template_id", "=", templateId).executeTakeFirstOrThrow();
  return row.current_version;
}

test("syncing the library twice inserts it once and then changes nothing", async () => {
  const first = await syncTemplateLibrary(handle.db, templateLibrary);
  expect(first.inserted).toHaveLength(templateLibrary.length);
  const snapshot = await handle.db.selectFrom("template_versions").selectAll().orderBy("template_id").orderBy("version").execute();
  expect(snapshot).toHaveLength(templateLibrary.length);

  const second = await syncTemplateLibrary(handle.db, templateLibrary);
  expect(second).toEqual({ inserted: [], versioned: [], updated: [], unchanged: templateLibrary.map((t) => t.template_id), stale: [] });
  expect(await handle.db.selectFrom("template_versions").selectAll().orderBy("template_id").orderBy("version").execute()).toEqual(snapshot);

  const row = await handle.db.selectFrom("templates").selectAll().where("template_id", "=", "lib_property_showcase_luxury").executeTakeFirstOrThrow();
  expect(row).toMatchObject({ tenant_id: null, is_library: true, current_version: 1, target_segments: ["LUXURY_BUYERS", "MOVE_UP_BUYERS"] });
  const [version] = await versionsOf("lib_property_showcase_luxury");
  expect(version?.variables).toEqual(expect.arrayContaining(["first_name", "property_address", "cta_url"]));
});

test("changed contents add a version; changed metadata only updates the row", async () => {
  const original = templateLibrary.find((t) => t.template_id === "lib_market_update_monthly")!;
  const reworded: LibraryTemplate = {
    ...original,
    contents: original.contents.map((c) => (c.channel === "SMS" ? { ...c, body: `${c.body} Reworded.` } : c)),
  };
  const changed = await syncTemplateLibrary(handle.db, [reworded]);
  expect(changed.versioned).toEqual(["lib_market_update_monthly"]);
  expect((await versionsOf("lib_market_update_monthly")).map((v) => v.version)).toEqual([1, 2]);
  expect(await currentVersionOf("lib_market_update_monthly")).toBe(2);

  const again = await syncTemplateLibrary(handle.db, [reworded]);
  expect(again.unchanged).toEqual(["lib_market_update_monthly"]);

  const renamed = await syncTemplateLibrary(handle.db, [{ ...reworded, template_name: "Market Update — Renamed" }]);
  expect(renamed.updated).toEqual(["lib_market_update_monthly"]);
  expect((await versionsOf("lib_market_update_monthly")).map((v) => v.version)).toEqual([1, 2]);

  // Older code (an earlier copy restarting mid-deploy) carries the original words: the library
  // does not roll back.
  const older = await syncTemplateLibrary(handle.db, [original]);
  expect(older.stale).toEqual(["lib_market_update_monthly"]);
  expect(await currentVersionOf("lib_market_update_monthly")).toBe(2);
});

test("several copies syncing at once agree on one version per template", async () => {
  const fresh: LibraryTemplate[] = [1, 2, 3].map((n) => ({
    template_id: `lib_concurrency_${n}`,
    template_name: `Concurrency ${n}`,
    description: "",
    campaign_type: "lead_nurturing",
    target_segments: ["SELLERS"],
    contents: [{ channel: "SMS", body: `Hello ${n}` }],
  }));
  const reports = await Promise.all([1, 2, 3, 4].map(() => syncTemplateLibrary(handle.db, fresh)));
  for (const template of fresh) {
    expect(await versionsOf(template.template_id)).toHaveLength(1);
    expect(reports.filter((r) => r.inserted.includes(template.template_id))).toHaveLength(1);
  }

  const edited = fresh.map((t) => ({ ...t, contents: [{ channel: "SMS" as const, body: `${t.contents[0]!.body}, edited` }] }));
  await Promise.all([1, 2, 3, 4].map(() => syncTemplateLibrary(handle.db, edited)));
  for (const template of fresh) expect((await versionsOf(template.template_id)).map((v) => v.version)).toEqual([1, 2]);
});
