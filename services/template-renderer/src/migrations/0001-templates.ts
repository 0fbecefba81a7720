import { sql, type Kysely } from "kysely";

// Migrations are frozen history: typed Kysely<any> and importing nothing from the app.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("templates")
    .addColumn("template_id", "text", (col) => col.primaryKey())
    .addColumn("tenant_id", "text")
    .addColumn("template_name", "text", (col) => col.notNull())
    .addColumn("description", "text", (col) => col.notNull().defaultTo(""))
    .addColumn("campaign_type", "text", (col) => col.notNull())
    .addColumn("target_segments", sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn("is_library", "boolean", (col) => col.notNull().defaultTo(false))
    .addColumn("current_version", "integer", (col) => col.notNull().check(sql`current_version > 0`))
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    // Library templates belong to nobody; every other template belongs to exactly one tenant.
    .addCheckConstraint("templates_owner_check", sql`(is_library and tenant_id is null) or (not is_library and tenant_id is not null)`)
    .execute();
  await db.schema.createIndex("templates_tenant_type_idx").on("templates").columns(["tenant_id", "campaign_type"]).execute();

  await db.schema
    .createTable("template_versions")
    .addColumn("template_id", "text", (col) => col.notNull().references("templates.template_id").onDelete("cascade"))
    .addColumn("version", "integer", (col) => col.notNull().check(sql`version > 0`))
    .addColumn("contents", "jsonb", (col) => col.notNull())
    .addColumn("variables", sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn("content_hash", "text", (col) => col.notNull())
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("template_versions_pk", ["template_id", "version"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("template_versions").execute();
  await db.schema.dropTable("templates").execute();
}
