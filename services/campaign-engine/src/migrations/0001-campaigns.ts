import { sql, type Kysely } from "kysely";

// Frozen in time: imports nothing from the app.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("campaigns")
    .addColumn("campaign_id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("owner_id", "text", (c) => c.notNull())
    .addColumn("campaign_name", "text", (c) => c.notNull())
    .addColumn("campaign_type", "text", (c) => c.notNull())
    .addColumn("campaign_status", "text", (c) => c.notNull())
    .addColumn("audience", "jsonb", (c) => c.notNull())
    .addColumn("delivery_channels", sql`text[]`, (c) => c.notNull())
    .addColumn("personalization_level", "text", (c) => c.notNull())
    .addColumn("content_overrides", "jsonb", (c) => c.notNull())
    .addColumn("performance_goals", "jsonb", (c) => c.notNull())
    .addColumn("template_id", "text", (c) => c.notNull())
    .addColumn("template_version", "integer", (c) => c.notNull())
    .addColumn("content_assets", "jsonb", (c) => c.notNull())
    .addColumn("trigger", "jsonb", (c) => c.notNull())
    .addColumn("scheduled_send_date", "timestamptz")
    .addColumn("timezone", "text")
    .addColumn("audience_size", "integer")
    .addColumn("estimated_reach", "integer")
    .addColumn("expected_performance", "jsonb", (c) => c.notNull())
    .addColumn("suggestions", "jsonb", (c) => c.notNull())
    .addColumn("generation_time_ms", "double precision", (c) => c.notNull())
    .addColumn("launch_cursor", "text")
    .addColumn("deliveries_total", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("deliveries_sent", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("deliveries_failed", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("launched_at", "timestamptz")
    .addColumn("completed_at", "timestamptz")
    .execute();
  await db.schema.createIndex("campaigns_tenant_created").on("campaigns").columns(["tenant_id", "created_at desc", "campaign_id desc"]).execute();
  await db.schema.createIndex("campaigns_tenant_status").on("campaigns").columns(["tenant_id", "campaign_status"]).execute();
  await sql`create index campaigns_due on campaigns (scheduled_send_date) where campaign_status = 'SCHEDULED'`.execute(db);

  await db.schema
    .createTable("valuations")
    .addColumn("valuation_id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("valuation", "jsonb", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("valuations_tenant").on("valuations").columns(["tenant_id", "created_at"]).execute();

  await db.schema
    .createTable("outbox")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("envelope", "jsonb", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("published_at", "timestamptz")
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`create index outbox_unpublished on outbox (created_at, id) where published_at is null`.execute(db);

  await db.schema
    .createTable("processed_events")
    .addColumn("consumer", "text", (c) => c.notNull())
    .addColumn("event_id", "text", (c) => c.notNull())
    .addColumn("processed_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("processed_events_pk", ["consumer", "event_id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["processed_events", "outbox", "valuations", "campaigns"]) await db.schema.dropTable(table).ifExists().execute();
}
