import { sql, type Kysely } from "kysely";

// Frozen in time: imports nothing from the app.
// Lists page on an insertion sequence: created_at has microseconds a cursor cannot carry exactly.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("campaigns").addColumn("seq", "bigserial").execute();
  await sql`create index campaigns_tenant_seq on campaigns (tenant_id, seq desc)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists campaigns_tenant_seq`.execute(db);
  await db.schema.alterTable("campaigns").dropColumn("seq").execute();
}
