import type { Contact } from "@mcb/contracts";
import type { ContactRow } from "./db";

/** A stored contact in the contract's shape: unset fields left out, timestamps as ISO strings. */
export function toContact(row: ContactRow): Contact {
  return {
    id: row.id,
    first_name: row.first_name ?? undefined,
    last_name: row.last_name ?? undefined,
    email: row.email ?? undefined,
    phone: row.phone ?? undefined,
    address: row.address ?? undefined,
    city: row.city ?? undefined,
    state: row.state ?? undefined,
    postal_code: row.postal_code ?? undefined,
    latitude: row.latitude ?? undefined,
    longitude: row.longitude ?? undefined,
    timezone: row.timezone ?? undefined,
    tags: row.tags,
    segments: row.segments,
    household_income: row.household_income ?? undefined,
    age: row.age ?? undefined,
    engagement_score: row.engagement_score ?? undefined,
    email_opt_in: row.email_opt_in,
    sms_opt_in: row.sms_opt_in,
    ghl_contact_id: row.ghl_contact_id ?? undefined,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}
