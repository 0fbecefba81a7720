import { sql, type Kysely } from "kysely";

// Migrations are frozen history: typed Kysely<any> and importing nothing from the app.
// A resumed campaign keeps its row as `active`, so the time of the resume is remembered and a
// late, older pause cannot hold the campaign again.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table campaign_holds drop constraint campaign_holds_state_check`.execute(db);
  await sql`alter table campaign_holds add constraint campaign_holds_state_check check (state in ('active', 'paused', 'cancelled'))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from campaign_holds where state = 'active'`.execute(db);
  await sql`alter table campaign_holds drop constraint campaign_holds_state_check`.execute(db);
  await sql`alter table campaign_holds add constraint campaign_holds_state_check check (state in ('paused', 'cancelled'))`.execute(db);
}
