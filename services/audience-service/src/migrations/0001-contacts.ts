// Migrations stay frozen as written, so they type against Kysely<any>, never the app's current schema type.
 
import { sql, type Kysely } from "kysely";

/**
 * Contacts and the suppression list. Tables are created unqualified: the pool's search_path is
 * the service's own schema.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("contacts")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("tenant_id", "text", (col) => col.notNull())
    .addColumn("first_name", "text")
    .addColumn("last_name", "text")
    .addColumn("email", "text")
    .addColumn("phone", "text")
    .addColumn("address", "text")
    .addColumn("city", "text")
    .addColumn("state", "text")
    .addColumn("postal_code", "text")
    .addColumn("latitude", "double precision")
    .addColumn("longitude", "double precision")
    .addColumn("timezone", "text")
    .addColumn("tags", sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn("segments", sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn("household_income", "numeric")
    .addColumn("age", "integer")
    .addColumn("engagement_score", "numeric")
    // No recorded consent means no consent: a contact is reachable only once opted in.
    .addColumn("email_opt_in", "boolean", (col) => col.notNull().defaultTo(false))
    .addColumn("sms_opt_in", "boolean", (col) => col.notNull().defaultTo(false))
    .addColumn("ghl_contact_id", "text")
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("contacts_engagement_score_range", sql`engagement_score between 0 and 1`)
    .execute();

  // GHL lower-cases tags on its side; matching tags case-insensitively keeps imported and typed
  // tags comparable. Immutable so it can back an expression index.
  await sql`
    create function lower_tags(tags text[]) returns text[]
    language sql immutable strict parallel safe
    as $$ select coalesce(array_agg(lower(tag)), '{}'::text[]) from unnest(tags) as tag $$
  `.execute(db);

  // The keys an upsert matches on, unique per tenant.
  await db.schema.createIndex("contacts_tenant_ghl_key").unique().on("contacts").columns(["tenant_id", "ghl_contact_id"]).where("ghl_contact_id", "is not", null).execute();
  await db.schema.createIndex("contacts_tenant_email_key").unique().on("contacts").columns(["tenant_id"]).expression(sql`lower(email)`).where(sql.ref("email"), "is not", null).execute();
  await db.schema.createIndex("contacts_tenant_phone_key").unique().on("contacts").columns(["tenant_id", "phone"]).where("phone", "is not", null).execute();

  // Keyset pagination of a tenant's contacts by id.
  await db.schema.createIndex("contacts_tenant_id_idx").on("contacts").columns(["tenant_id", "id"]).execute();
  // Targeting filters.
  await db.schema.createIndex("contacts_tenant_city_idx").on("contacts").columns(["tenant_id"]).expression(sql`lower(city)`).execute();
  await db.schema.createIndex("contacts_tenant_state_idx").on("contacts").columns(["tenant_id"]).expression(sql`lower(state)`).execute();
  await db.schema.createIndex("contacts_tenant_postal_code_idx").on("contacts").columns(["tenant_id", "postal_code"]).execute();
  await db.schema.createIndex("contacts_tenant_latitude_idx").on("contacts").columns(["tenant_id", "latitude"]).where("latitude", "is not", null).execute();
  await db.schema.createIndex("contacts_tenant_income_idx").on("contacts").columns(["tenant_id", "household_income"]).execute();
  await db.schema.createIndex("contacts_tenant_age_idx").on("contacts").columns(["tenant_id", "age"]).execute();
  await db.schema.createIndex("contacts_tenant_engagement_idx").on("contacts").columns(["tenant_id", "engagement_score"]).execute();
  await db.schema.createIndex("contacts_tags_idx").on("contacts").using("gin").expression(sql`lower_tags(tags)`).execute();
  await db.schema.createIndex("contacts_segments_idx").on("contacts").using("gin").column("segments").execute();

  await db.schema
    .createTable("suppressions")
    .addColumn("tenant_id", "text", (col) => col.notNull())
    .addColumn("channel", "text", (col) => col.notNull())
    .addColumn("address", "text", (col) => col.notNull())
    .addColumn("reason", "text", (col) => col.notNull())
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("suppressions_pkey", ["tenant_id", "channel", "address"])
    .addCheckConstraint("suppressions_channel", sql`channel in ('EMAIL', 'SMS')`)
    // Reach joins on lower(contacts.email); an address stored in another case would never match.
    .addCheckConstraint("suppressions_email_lower_case", sql`channel <> 'EMAIL' or address = lower(address)`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("suppressions").execute();
  await db.schema.dropTable("contacts").execute();
  await sql`drop function lower_tags(text[])`.execute(db);
}
