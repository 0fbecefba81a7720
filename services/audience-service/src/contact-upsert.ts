import { sql, type Kysely, type Transaction } from "kysely";
import { ServiceError } from "@mcb/bus";
import type { ContactInput, ContactsUpsertResponse } from "@mcb/contracts";
import type { AudienceDatabase, ContactRow } from "./db";
import { toContact } from "./contact-mapper";
import { newContactId } from "./contact-id";
import { needsWrite, planUpsert, type ContactValueColumn, type PlannedContact } from "./upsert-plan";

export interface UpsertOptions {
  newContactId?: () => string;
  /** Tries of the whole transaction when a concurrent writer gets in the way. */
  maxAttempts?: number;
}

// 23 columns a row: well under Postgres's 65,535 bind parameters per statement.
const ROWS_PER_STATEMENT = 1_000;

/** Postgres errors a fresh attempt can get past: a concurrent insert of the same key, a deadlock. */
const retryableCodes = new Set(["23505", "40P01", "40001"]);

function postgresCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

/**
 * Creates or updates a tenant's contacts in one transaction, all or nothing (matching rules in
 * planUpsert). `created` counts contacts that did not exist, `updated` those that did, however
 * many inputs named them; `contacts` has one entry per input, in input order. A contact whose
 * values are unchanged is not written, so a replayed request leaves updated_at alone.
 */
export async function upsertContacts(db: Kysely<AudienceDatabase>, tenantId: string, inputs: readonly ContactInput[], options: UpsertOptions = {}): Promise<ContactsUpsertResponse> {
  const maxAttempts = options.maxAttempts ?? 3;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.transaction().execute((trx) => upsertOnce(trx, tenantId, inputs, options.newContactId ?? newContactId));
    } catch (error) {
      const code = postgresCode(error);
      if (code === undefined || !retryableCodes.has(code)) throw error;
      if (attempt < maxAttempts) continue;
      if (code === "23505") {
        const constraint = (error as { constraint?: string }).constraint;
        throw new ServiceError("CONFLICT", "contacts could not be stored: an email, phone or GHL id is taken", { details: { constraint }, cause: error });
      }
      throw error;
    }
  }
}

async function upsertOnce(trx: Transaction<AudienceDatabase>, tenantId: string, inputs: readonly ContactInput[], makeId: () => string): Promise<ContactsUpsertResponse> {
  const existing = await lockMatchingContacts(trx, tenantId, inputs);
  const plan = planUpsert(tenantId, inputs, existing, makeId);
  const stored = new Map(existing.map((row) => [row.id, row]));
  const changed = plan.contacts.filter((contact) => contact.existing && needsWrite(contact));
  const created = plan.contacts.filter((contact) => !contact.existing);

  // Keys that move between contacts are first released: unique indexes are checked row by row,
  // so writing the taker before the giver would collide although the final state is consistent.
  for (const column of ["email", "phone", "ghl_contact_id"] as const) {
    const giving = changed.filter((contact) => contact.existing?.[column] != null && contact.existing[column] !== contact.state[column]).map((contact) => contact.state.id);
    if (giving.length > 0) await trx.updateTable("contacts").set({ [column]: null }).where("tenant_id", "=", tenantId).where("id", "in", giving).execute();
  }
  // Updates first, so an email or phone an update gives up is free for a new contact.
  for (const rows of chunks(changed)) {
    for (const row of await updateContacts(trx, tenantId, rows)) stored.set(row.id, row);
  }
  for (const rows of chunks(created)) {
    const inserted = await trx.insertInto("contacts").values(rows.map((contact) => contact.state)).returningAll().execute();
    for (const row of inserted) stored.set(row.id, row);
  }

  return {
    contacts: plan.entryContactIds.map((id) => {
      const row = stored.get(id);
      if (!row) throw new Error(`contact ${id} was planned but not stored`);
      return toContact(row);
    }),
    created: created.length,
    updated: plan.contacts.length - created.length,
  };
}

/** The tenant's stored contacts sharing any key with the inputs, locked in id order (fewer deadlocks). */
async function lockMatchingContacts(trx: Transaction<AudienceDatabase>, tenantId: string, inputs: readonly ContactInput[]): Promise<ContactRow[]> {
  const distinct = (values: (string | undefined)[]) => [...new Set(values.filter((value): value is string => value !== undefined))];
  const ids = distinct(inputs.map((input) => input.id));
  const ghlIds = distinct(inputs.map((input) => input.ghl_contact_id));
  const emails = distinct(inputs.map((input) => input.email?.toLowerCase()));
  const phones = distinct(inputs.map((input) => input.phone));
  const textArray = (values: string[]) => sql<string[]>`${values}::text[]`;
  return trx
    .selectFrom("contacts")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where((eb) =>
      eb.or([
        ...(ids.length > 0 ? [eb("id", "=", eb.fn.any(textArray(ids)))] : []),
        ...(ghlIds.length > 0 ? [eb("ghl_contact_id", "=", eb.fn.any(textArray(ghlIds)))] : []),
        // "email is not null" lets Postgres use the partial unique index on lower(email).
        ...(emails.length > 0 ? [eb.and([eb("email", "is not", null), eb(eb.fn<string>("lower", ["email"]), "=", eb.fn.any(textArray(emails)))])] : []),
        ...(phones.length > 0 ? [eb("phone", "=", eb.fn.any(textArray(phones)))] : []),
      ]),
    )
    .orderBy("id")
    .forUpdate()
    .execute();
}

/** Writes the full planned state of stored contacts in one statement. */
async function updateContacts(trx: Transaction<AudienceDatabase>, tenantId: string, contacts: PlannedContact[]): Promise<ContactRow[]> {
  return trx
    .insertInto("contacts")
    .values(contacts.map((contact) => contact.state))
    .onConflict((conflict) =>
      conflict
        .column("id")
        .doUpdateSet((eb) => ({
          first_name: eb.ref("excluded.first_name"),
          last_name: eb.ref("excluded.last_name"),
          email: eb.ref("excluded.email"),
          phone: eb.ref("excluded.phone"),
          address: eb.ref("excluded.address"),
          city: eb.ref("excluded.city"),
          state: eb.ref("excluded.state"),
          postal_code: eb.ref("excluded.postal_code"),
          latitude: eb.ref("excluded.latitude"),
          longitude: eb.ref("excluded.longitude"),
          timezone: eb.ref("excluded.timezone"),
          tags: eb.ref("excluded.tags"),
          segments: eb.ref("excluded.segments"),
          household_income: eb.ref("excluded.household_income"),
          age: eb.ref("excluded.age"),
          engagement_score: eb.ref("excluded.engagement_score"),
          email_opt_in: eb.ref("excluded.email_opt_in"),
          sms_opt_in: eb.ref("excluded.sms_opt_in"),
          ghl_contact_id: eb.ref("excluded.ghl_contact_id"),
          updated_at: sql<Date>`now()`,
        }) satisfies Record<ContactValueColumn | "updated_at", unknown>)
        // Belt and braces: an id of another tenant is never overwritten.
        .where("contacts.tenant_id", "=", tenantId),
    )
    .returningAll()
    .execute();
}

function chunks<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += ROWS_PER_STATEMENT) result.push(items.slice(start, start + ROWS_PER_STATEMENT));
  return result;
}
