import { sql, type Kysely } from "kysely";

// Migrations are frozen history: typed Kysely<any> and importing nothing from the app.
 
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("deliveries")
    .addColumn("delivery_id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("campaign_id", "text", (c) => c.notNull())
    .addColumn("contact_id", "text", (c) => c.notNull())
    .addColumn("channel", "text", (c) => c.notNull().check(sql`channel in ('EMAIL', 'SMS')`))
    .addColumn("step", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("pending").check(sql`status in ('pending', 'sending', 'sent', 'failed')`))
    .addColumn("provider", "text")
    .addColumn("provider_message_id", "text")
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_error_code", "text")
    .addColumn("last_error", "text")
    .addColumn("requested_at", "timestamptz", (c) => c.notNull())
    .addColumn("sent_at", "timestamptz")
    .addColumn("updated_at", "timestamptz", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("deliveries_campaign_id_idx").on("deliveries").column("campaign_id").execute();

  await db.schema
    .createTable("provider_responses")
    .addColumn("delivery_id", "text", (c) => c.notNull().references("deliveries.delivery_id").onDelete("cascade"))
    .addColumn("attempt", "integer", (c) => c.notNull())
    .addColumn("provider", "text", (c) => c.notNull())
    .addColumn("http_status", "integer")
    .addColumn("outcome", "text", (c) => c.notNull())
    .addColumn("code", "text")
    .addColumn("body_excerpt", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("provider_responses_pk", ["delivery_id", "attempt"])
    .execute();

  await db.schema
    .createTable("outbox")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("envelope", "jsonb", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("published_at", "timestamptz")
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex("outbox_unpublished_idx")
    .on("outbox")
    .columns(["created_at", "id"])
    .where(sql.ref("published_at"), "is", null)
    .execute();
}

 
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("outbox").execute();
  await db.schema.dropTable("provider_responses").execute();
  await db.schema.dropTable("deliveries").execute();
}
