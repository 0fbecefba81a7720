import type { Kysely } from "kysely";

// Frozen in time: imports nothing from the app.
// What a creating request's body was, when it came with an Idempotency-Key: the same key with
// another body is refused even after the gateway has forgotten the key.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("campaigns").addColumn("request_fingerprint", "text").execute();
  await db.schema.alterTable("valuations").addColumn("request_fingerprint", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("valuations").dropColumn("request_fingerprint").execute();
  await db.schema.alterTable("campaigns").dropColumn("request_fingerprint").execute();
}
