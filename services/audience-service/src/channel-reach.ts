import { expressionBuilder, sql, type Expression, type SqlBool } from "kysely";
import { DeliverableChannel, type Channel } from "@mcb/contracts";
import type { AudienceDatabase, SuppressionTable } from "./db";

type ReachDatabase = AudienceDatabase & { email_suppression: SuppressionTable; sms_suppression: SuppressionTable };
type ReachTables = "contacts" | "email_suppression" | "sms_suppression";

/** The requested channels a recipient can be sent on, once each, in catalog order. */
export function deliverableChannelsOf(channels: readonly Channel[]): DeliverableChannel[] {
  return DeliverableChannel.options.filter((channel) => channels.includes(channel));
}

/**
 * Whether a contact can be sent on one channel: an address, consent for that channel, and the
 * address not suppressed. Reads the suppression joins selectAudience() adds under these aliases.
 */
export function reachableOn(channel: DeliverableChannel): Expression<SqlBool> {
  const eb = expressionBuilder<ReachDatabase, ReachTables>();
  switch (channel) {
    case "EMAIL":
      return eb.and([eb("contacts.email", "is not", null), eb.ref("contacts.email_opt_in"), eb("email_suppression.address", "is", null)]);
    case "SMS":
      return eb.and([eb("contacts.phone", "is not", null), eb.ref("contacts.sms_opt_in"), eb("sms_suppression.address", "is", null)]);
  }
}

/** reachableOn(channel) when it was asked for, else false (so no suppression join is read). */
export function reachableIfRequested(channel: DeliverableChannel, requested: readonly DeliverableChannel[]): Expression<SqlBool> {
  return requested.includes(channel) ? reachableOn(channel) : sql<SqlBool>`false`;
}

/** Reachable on at least one of the channels; nobody when none is deliverable. */
export function reachableOnAny(channels: readonly DeliverableChannel[]): Expression<SqlBool> {
  if (channels.length === 0) return sql<SqlBool>`false`;
  return expressionBuilder<ReachDatabase, ReachTables>().or(channels.map(reachableOn));
}
