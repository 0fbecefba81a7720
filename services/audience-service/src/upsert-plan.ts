import { ServiceError } from "@mcb/bus";
import type { ContactInput, FieldIssue } from "@mcb/contracts";
import type { ContactRow } from "./db";

/** Every stored value of a contact except its timestamps. */
export type ContactState = Omit<ContactRow, "created_at" | "updated_at">;

/** The columns an input can set: change detection and writes both go by this list. */
export const contactValueColumns = [
  "first_name",
  "last_name",
  "email",
  "phone",
  "address",
  "city",
  "state",
  "postal_code",
  "latitude",
  "longitude",
  "timezone",
  "tags",
  "segments",
  "household_income",
  "age",
  "engagement_score",
  "email_opt_in",
  "sms_opt_in",
  "ghl_contact_id",
] as const satisfies readonly (keyof ContactState)[];
export type ContactValueColumn = (typeof contactValueColumns)[number];

// Stops compiling when a column is added to ContactTable but not to the list above.
type AssertNever<T extends never> = T;
export type _EveryColumnListed = AssertNever<Exclude<keyof ContactState, ContactValueColumn | "id" | "tenant_id">>;

export interface PlannedContact {
  /** The values the contact ends the request with. */
  state: ContactState;
  /** The stored row, when the contact existed before the request. */
  existing: ContactRow | undefined;
}

export interface UpsertPlan {
  /** Each distinct contact the request touches, in the order first mentioned. */
  contacts: PlannedContact[];
  /** For each input, in order, the id of the contact it was applied to. */
  entryContactIds: string[];
}

/** The keys besides id that identify a contact within a tenant, in matching order. */
const matchKeys = ["ghl_contact_id", "email", "phone"] as const;
type MatchKey = (typeof matchKeys)[number];

function keyValue(state: Partial<Record<MatchKey, string | null>>, key: MatchKey): string | undefined {
  const value = state[key] ?? undefined;
  // Emails match case-insensitively, as the unique index on lower(email) does.
  return key === "email" ? value?.toLowerCase() : value;
}

export function emptyState(id: string, tenantId: string): ContactState {
  return {
    id,
    tenant_id: tenantId,
    first_name: null,
    last_name: null,
    email: null,
    phone: null,
    address: null,
    city: null,
    state: null,
    postal_code: null,
    latitude: null,
    longitude: null,
    timezone: null,
    tags: [],
    segments: [],
    household_income: null,
    age: null,
    engagement_score: null,
    email_opt_in: false,
    sms_opt_in: false,
    ghl_contact_id: null,
  };
}

/** The fields an input carries, as column values (absent fields stay absent). */
function presentValues(input: ContactInput): Partial<ContactState> {
  const { id: _id, ...fields } = input;
  const values: Partial<ContactState> = fields;
  const present = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<ContactState>;
  if (present.tags) present.tags = [...new Set(present.tags)];
  if (present.segments) present.segments = [...new Set(present.segments)];
  return present;
}

/**
 * Decides, without touching the database, which contact each input lands on and what every
 * touched contact ends up as. `existing` must hold every stored contact of the tenant sharing
 * an id, ghl_contact_id, email or phone with any input.
 *
 * Inputs apply in order, as if upserted one after another: an input with an `id` updates that
 * contact (NOT_FOUND when the tenant has none); otherwise it matches by ghl_contact_id, then
 * email (case-insensitively), then phone, and creates a contact when nothing matches. Only the
 * fields it carries change. So two inputs for the same person in one request merge, the later
 * one winning on the fields both carry. An input whose new email, phone or ghl_contact_id
 * already belongs to another contact is a CONFLICT: contacts are never merged implicitly.
 */
export function planUpsert(tenantId: string, inputs: readonly ContactInput[], existing: readonly ContactRow[], newContactId: () => string): UpsertPlan {
  const contacts: PlannedContact[] = [];
  const byId = new Map<string, PlannedContact>();
  const byKey = new Map<string, PlannedContact>();
  const indexKey = (key: MatchKey, value: string) => `${key}\u0000${value}`;
  const register = (contact: PlannedContact) => {
    byId.set(contact.state.id, contact);
    for (const key of matchKeys) {
      const value = keyValue(contact.state, key);
      if (value !== undefined) byKey.set(indexKey(key, value), contact);
    }
  };
  for (const row of existing) {
    const { created_at: _created, updated_at: _updated, ...state } = row;
    register({ state: { ...state, tags: [...state.tags], segments: [...state.segments] }, existing: row });
  }

  const entryContactIds: string[] = [];
  const notFound: FieldIssue[] = [];
  const conflicts: FieldIssue[] = [];
  const touched = new Set<PlannedContact>();

  inputs.forEach((input, position) => {
    let target: PlannedContact | undefined;
    if (input.id !== undefined) {
      target = byId.get(input.id);
      if (!target) {
        notFound.push({ field: `contacts.${position}.id`, message: "no contact with this id" });
        return;
      }
    } else {
      for (const key of matchKeys) {
        const value = keyValue(input, key);
        target = value === undefined ? undefined : byKey.get(indexKey(key, value));
        if (target) break;
      }
      // Matched by email or phone, but that contact is linked to another GHL contact: two people
      // in the CRM share an address. Relinking would flip between them on every sync.
      const linked = target?.state.ghl_contact_id;
      if (target && input.ghl_contact_id !== undefined && linked && linked !== input.ghl_contact_id) {
        conflicts.push({ field: `contacts.${position}.ghl_contact_id`, message: `the contact with this email or phone (${target.state.id}) is linked to GHL contact ${linked}` });
        return;
      }
    }
    if (!target) {
      target = { state: emptyState(newContactId(), tenantId), existing: undefined };
      byId.set(target.state.id, target);
    }
    const keysBefore = matchKeys.map((key) => keyValue(target.state, key));
    Object.assign(target.state, presentValues(input));
    matchKeys.forEach((key, index) => {
      const before = keysBefore[index];
      const after = keyValue(target.state, key);
      if (before === after) return;
      if (before !== undefined && byKey.get(indexKey(key, before)) === target) byKey.delete(indexKey(key, before));
      if (after === undefined) return;
      const holder = byKey.get(indexKey(key, after));
      if (holder && holder !== target) {
        conflicts.push({ field: `contacts.${position}.${key}`, message: `already belongs to contact ${holder.state.id}` });
      } else {
        byKey.set(indexKey(key, after), target);
      }
    });
    if (!touched.has(target)) {
      touched.add(target);
      contacts.push(target);
    }
    entryContactIds.push(target.state.id);
  });

  if (notFound.length > 0) throw new ServiceError("NOT_FOUND", "some contacts to update do not exist", { fields: notFound });
  if (conflicts.length > 0) throw new ServiceError("CONFLICT", "some contacts would take another contact's email, phone or GHL id", { fields: conflicts });
  return { contacts, entryContactIds };
}

function sameValue(left: unknown, right: unknown): boolean {
  if (Array.isArray(left) && Array.isArray(right)) return left.length === right.length && left.every((item, index) => item === right[index]);
  return left === right;
}

/** Whether the contact has to be written: it is new, or a value differs from the stored row. */
export function needsWrite(contact: PlannedContact): boolean {
  const stored = contact.existing;
  if (!stored) return true;
  return contactValueColumns.some((column) => !sameValue(contact.state[column], stored[column]));
}
