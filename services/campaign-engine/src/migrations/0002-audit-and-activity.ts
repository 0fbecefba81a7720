import { sql, type Kysely } from "kysely";

// Frozen in time: imports nothing from the app.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("audit_log")
    .addColumn("audit_id", "bigserial", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("campaign_id", "text", (c) => c.notNull())
    .addColumn("actor", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("from_status", "text")
    .addColumn("to_status", "text")
    .addColumn("changes", "jsonb")
    .addColumn("at", "timestamptz", (c) => c.notNull().defaultTo(sql`clock_timestamp()`))
    .execute();
  await db.schema.createIndex("audit_log_campaign").on("audit_log").columns(["campaign_id", "audit_id"]).execute();

  // Hourly counts per campaign, channel and kind of activity (sent, failed, opened, clicked…).
  await db.schema
    .createTable("campaign_activity")
    .addColumn("campaign_id", "text", (c) => c.notNull())
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("hour", "timestamptz", (c) => c.notNull())
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("count", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("campaign_activity_pk", ["campaign_id", "hour", "channel", "kind"])
    .execute();
  await db.schema.createIndex("campaign_activity_tenant").on("campaign_activity").columns(["tenant_id", "campaign_id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("campaign_activity").ifExists().execute();
  await db.schema.dropTable("audit_log").ifExists().execute();
}
