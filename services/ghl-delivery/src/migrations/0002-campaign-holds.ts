import { sql, type Kysely } from "kysely";

// Migrations are frozen history: typed Kysely<any> and importing nothing from the app.
export async function up(db: Kysely<any>): Promise<void> {
  // Paused and cancelled campaigns, as announced on the bus by the campaign-engine.
  await db.schema
    .createTable("campaign_holds")
    .addColumn("campaign_id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull().check(sql`state in ('paused', 'cancelled')`))
    .addColumn("changed_at", "timestamptz", (c) => c.notNull())
    .execute();
  // A delivery of a paused campaign waits as `held`, keeping its request to send on resume.
  await sql`alter table deliveries drop constraint deliveries_status_check`.execute(db);
  await sql`alter table deliveries add constraint deliveries_status_check check (status in ('pending', 'sending', 'sent', 'failed', 'held'))`.execute(db);
  await db.schema.alterTable("deliveries").addColumn("request", "jsonb").execute();
  await sql`create index deliveries_held on deliveries (campaign_id) where status = 'held'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists deliveries_held`.execute(db);
  await db.schema.alterTable("deliveries").dropColumn("request").execute();
  await sql`alter table deliveries drop constraint deliveries_status_check`.execute(db);
  await sql`alter table deliveries add constraint deliveries_status_check check (status in ('pending', 'sending', 'sent', 'failed'))`.execute(db);
  await db.schema.dropTable("campaign_holds").ifExists().execute();
}
