import { sql, type Kysely } from "kysely";
import { ok, type ConsumedEvent, type HandlerOutcome } from "@mcb/bus";
import type { AudienceDatabase } from "./db";

export const ENGAGEMENT_CONSUMER = "audience-service-engagement";

/** Engagement that withdraws consent for the channel it arrived on. */
const withdrawing = new Set(["unsubscribed", "bounced", "complained"]);

/**
 * engagement.recorded: an unsubscribe, a hard bounce or a spam complaint opts the contact out of
 * that channel and suppresses the address, so no later campaign reaches it. Both writes are
 * idempotent, so a redelivered event changes nothing.
 */
export async function applyEngagementToConsent(db: Kysely<AudienceDatabase>, event: ConsumedEvent<"engagement.recorded">): Promise<HandlerOutcome> {
  const { data, envelope } = event;
  if (!withdrawing.has(data.kind) || !data.contact_id) return ok();
  const contactId = data.contact_id;
  await db.transaction().execute(async (trx) => {
    const contact = await trx.selectFrom("contacts").select(["email", "phone"]).where("tenant_id", "=", envelope.tenant_id).where("id", "=", contactId).forUpdate().executeTakeFirst();
    if (!contact) return;
    const address = data.channel === "EMAIL" ? contact.email?.toLowerCase() : contact.phone;
    await trx
      .updateTable("contacts")
      .set(data.channel === "EMAIL" ? { email_opt_in: false, updated_at: sql`now()` } : { sms_opt_in: false, updated_at: sql`now()` })
      .where("tenant_id", "=", envelope.tenant_id)
      .where("id", "=", contactId)
      .execute();
    if (address) {
      await trx
        .insertInto("suppressions")
        .values({ tenant_id: envelope.tenant_id, channel: data.channel, address, reason: data.kind })
        .onConflict((oc) => oc.columns(["tenant_id", "channel", "address"]).doNothing())
        .execute();
    }
  });
  return ok();
}
