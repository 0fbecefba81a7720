import { sql, type Kysely } from "kysely";
import type { AudienceCriteria, AudienceEstimate, Channel } from "@mcb/contracts";
import type { AudienceDatabase } from "./db";
import { selectAudience } from "./audience-query";
import { deliverableChannelsOf, reachableIfRequested, reachableOnAny } from "./channel-reach";

export interface EstimateRequest {
  tenantId: string;
  criteria: AudienceCriteria;
  channels: readonly Channel[];
}

/**
 * Sizes an audience in one query of filtered aggregates over the matching contacts.
 * `reachable_by_channel` has every requested channel; those no delivery worker sends one
 * recipient (SOCIAL_MEDIA, DIRECT_MAIL, GHL_WORKFLOW) reach nobody, and add nobody to
 * `estimated_reach`, which counts contacts reachable on at least one requested channel.
 */
export async function estimateAudience(db: Kysely<AudienceDatabase>, request: EstimateRequest): Promise<AudienceEstimate> {
  const started = performance.now();
  const deliverable = deliverableChannelsOf(request.channels);
  const totals = await selectAudience(db, request.tenantId, request.criteria)
    .select((eb) => [
      eb.fn.countAll<number>().as("audience_size"),
      eb.fn.countAll<number>().filterWhere(reachableOnAny(deliverable)).as("estimated_reach"),
      eb.fn.countAll<number>().filterWhere(reachableIfRequested("EMAIL", deliverable)).as("email_reachable"),
      eb.fn.countAll<number>().filterWhere(reachableIfRequested("SMS", deliverable)).as("sms_reachable"),
      // Ordered-set aggregates skip nulls; ties go to the alphabetically first zone.
      sql<string | null>`mode() within group (order by ${eb.ref("contacts.timezone")})`.as("dominant_timezone"),
    ])
    .executeTakeFirstOrThrow();

  const reachable: Record<string, number> = { EMAIL: Number(totals.email_reachable), SMS: Number(totals.sms_reachable) };
  const reachableByChannel = Object.fromEntries([...new Set(request.channels)].map((channel) => [channel, reachable[channel] ?? 0]));
  return {
    audience_size: Number(totals.audience_size),
    estimated_reach: Number(totals.estimated_reach),
    reachable_by_channel: reachableByChannel,
    dominant_timezone: totals.dominant_timezone,
    calculation_time_ms: Math.round((performance.now() - started) * 100) / 100,
  };
}
