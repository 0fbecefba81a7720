import { sql, type Kysely } from "kysely";
import { connectBus, ensureStreams, type Bus } from "@mcb/bus";
import { createLogger } from "@mcb/telemetry";
import { createTestEnv, type TestEnv } from "@mcb/testkit";
import { connectDb, enqueueEvent, migrateSchema, OutboxRelay, type DbHandle, type OutboxDatabase } from "./index";

interface TestDb extends OutboxDatabase {
  widgets: { id: string };
}

const logger = createLogger({ test: "outbox" }, "silent");
let env: TestEnv;
let handle: DbHandle<TestDb>;
let db: Kysely<TestDb>;
let bus: Bus;

const migrations = {
  "0001": {
    async up(k: Kysely<any>) {
      await k.schema.createTable("widgets").addColumn("id", "text", (c) => c.primaryKey()).execute();
      await k.schema
        .createTable("outbox")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("subject", "text", (c) => c.notNull())
        .addColumn("envelope", "jsonb", (c) => c.notNull())
        .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn("published_at", "timestamptz")
        .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
        .execute();
    },
  },
};

const lifecycle = (id: string) => ({ campaign_id: id, campaign_name: "n", campaign_type: "market_update" as const, campaign_status: "SCHEDULED" as const, scheduled_send_date: null, audience_size: 1 });

async function streamCount(): Promise<number> {
  const info = await bus.jsm.streams.info(bus.names.stream("CAMPAIGN"));
  return info.state.messages;
}

async function createWidget(id: string, failAfterEnqueue = false) {
  await db.transaction().execute(async (trx) => {
    await trx.insertInto("widgets").values({ id }).execute();
    await enqueueEvent(trx, "campaign.created", { tenantId: "t1", id: `created:${id}`, data: lifecycle(id) });
    if (failAfterEnqueue) throw new Error("crash inside the transaction");
  });
}

beforeAll(async () => {
  env = await createTestEnv("outbox");
  handle = connectDb<TestDb>(env.databaseUrl, "outbox_test");
  db = handle.db;
  await migrateSchema(db as Kysely<unknown>, "outbox_test", migrations);
  bus = await connectBus({ url: env.natsUrl, prefix: env.prefix, name: "outbox-test", logger });
  await ensureStreams(bus, ["CAMPAIGN"]);
});
afterAll(async () => {
  await bus.nc.close();
  await handle.close();
  await env.cleanup();
});

test("a failure inside the transaction leaves neither the change nor its event", async () => {
  await expect(createWidget("w-rolled-back", true)).rejects.toThrow("crash");
  expect(await db.selectFrom("widgets").selectAll().where("id", "=", "w-rolled-back").execute()).toEqual([]);
  expect(await db.selectFrom("outbox").selectAll().where("id", "=", "created:w-rolled-back").execute()).toEqual([]);
});

test("a crash after commit but before publishing: the next relay publishes the event", async () => {
  await createWidget("w1"); // committed; the process 'dies' before any relay runs
  const before = await streamCount();
  const relay = new OutboxRelay(db, bus, logger);
  expect(await relay.drain()).toBe(1);
  expect(await streamCount()).toBe(before + 1);
  const row = await db.selectFrom("outbox").select("published_at").where("id", "=", "created:w1").executeTakeFirstOrThrow();
  expect(row.published_at).not.toBeNull();
});

test("a crash after publishing but before marking the row: the resend is dropped as a duplicate", async () => {
  await createWidget("w2");
  const before = await streamCount();
  // A bus whose publish reaches JetStream, then the process dies before the row is marked.
  const crashingBus: Bus = {
    ...bus,
    js: new Proxy(bus.js, {
      get(target, prop, receiver) {
        if (prop !== "publish") return Reflect.get(target, prop, receiver);
        return async (...args: Parameters<typeof bus.js.publish>) => {
          await target.publish(...args);
          throw new Error("process killed after publish");
        };
      },
    }),
  };
  const dying = new OutboxRelay(db, crashingBus, logger);
  expect(await dying.drain()).toBe(0);
  expect(await streamCount()).toBe(before + 1);
  const unmarked = await db.selectFrom("outbox").select("published_at").where("id", "=", "created:w2").executeTakeFirstOrThrow();
  expect(unmarked.published_at).toBeNull();

  const restarted = new OutboxRelay(db, bus, logger);
  expect(await restarted.drain()).toBe(1);
  expect(await streamCount()).toBe(before + 1); // JetStream dropped the second copy (same Nats-Msg-Id)
  const marked = await db.selectFrom("outbox").select("published_at").where("id", "=", "created:w2").executeTakeFirstOrThrow();
  expect(marked.published_at).not.toBeNull();
});

test("two relays draining at once publish each event once", async () => {
  for (let i = 0; i < 20; i++) await createWidget(`w-many-${i}`);
  const before = await streamCount();
  const [a, b] = await Promise.all([new OutboxRelay(db, bus, logger).drain(), new OutboxRelay(db, bus, logger).drain()]);
  expect(a + b).toBe(20);
  expect(await streamCount()).toBe(before + 20);
});
