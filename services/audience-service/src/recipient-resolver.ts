import { sql, type Kysely } from "kysely";
import type { AudienceCriteria, Channel, DeliverableChannel, Recipient } from "@mcb/contracts";
import type { AudienceDatabase } from "./db";
import { selectAudience } from "./audience-query";
import { deliverableChannelsOf, reachableIfRequested, reachableOnAny } from "./channel-reach";

export interface ResolveRequest {
  tenantId: string;
  criteria: AudienceCriteria;
  channels: readonly Channel[];
  /** The last contact id of the previous page. */
  after?: string | undefined;
  limit: number;
}

export interface ResolvedPage {
  recipients: Recipient[];
  next_after: string | null;
}

/**
 * One page of the audience's reachable contacts, ordered by id (keyset pagination, so pages
 * neither skip nor repeat while contacts are added), each with the requested channels it can
 * be sent on. Contacts reachable on none are left out. One row beyond the page is read to
 * know whether another page follows.
 */
export async function resolveRecipients(db: Kysely<AudienceDatabase>, request: ResolveRequest): Promise<ResolvedPage> {
  const deliverable = deliverableChannelsOf(request.channels);
  if (deliverable.length === 0) return { recipients: [], next_after: null };
  const { after, limit } = request;
  const rows = await selectAudience(db, request.tenantId, request.criteria)
    .where(reachableOnAny(deliverable))
    .$if(after !== undefined, (query) => query.where("contacts.id", ">", after ?? ""))
    .select([
      "contacts.id",
      "contacts.first_name",
      "contacts.last_name",
      "contacts.email",
      "contacts.phone",
      "contacts.city",
      "contacts.timezone",
      "contacts.ghl_contact_id",
      sql<boolean>`${reachableIfRequested("EMAIL", deliverable)}`.as("email_reachable"),
      sql<boolean>`${reachableIfRequested("SMS", deliverable)}`.as("sms_reachable"),
    ])
    .orderBy("contacts.id")
    .limit(limit + 1)
    .execute();

  const page = rows.slice(0, limit);
  const recipients = page.map((row): Recipient => {
    const channels: DeliverableChannel[] = [];
    if (row.email_reachable) channels.push("EMAIL");
    if (row.sms_reachable) channels.push("SMS");
    return {
      contact_id: row.id,
      first_name: row.first_name ?? undefined,
      last_name: row.last_name ?? undefined,
      email: row.email ?? undefined,
      phone: row.phone ?? undefined,
      city: row.city ?? undefined,
      timezone: row.timezone ?? undefined,
      ghl_contact_id: row.ghl_contact_id ?? undefined,
      channels,
    };
  });
  const last = page.at(-1);
  return { recipients, next_after: rows.length > limit && last ? last.id : null };
}
