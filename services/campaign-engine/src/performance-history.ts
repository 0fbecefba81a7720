import { sql, type Kysely } from "kysely";
import type { AudienceSegment, CampaignType } from "@mcb/contracts";
import type { CampaignDatabase } from "./db";
import type { EngagementRates } from "./domain/performance-model";

/** Below this many sends a tenant's own rates are noise; the stated priors are used instead. */
export const MIN_HISTORY_SENDS = 50;

/**
 * The tenant's own engagement rates for a campaign type (and, when given, an overlapping
 * segment), from campaigns that have sent. Undefined when there is not enough history.
 */
export async function tenantRates(db: Kysely<CampaignDatabase>, tenantId: string, type: CampaignType, segments: readonly AudienceSegment[]): Promise<EngagementRates | undefined> {
  let campaigns = db.selectFrom("campaigns").select("campaign_id").where("tenant_id", "=", tenantId).where("campaign_type", "=", type).where("campaign_status", "in", ["ACTIVE", "COMPLETED", "PAUSED"]);
  if (segments.length) campaigns = campaigns.where(sql<boolean>`coalesce(audience->'criteria'->'target_segments', '[]'::jsonb) ?| ${sql.val([...segments])}::text[]`);
  const totals = await db
    .selectFrom("campaign_activity")
    .select([
      sql<number>`coalesce(sum(count) filter (where kind = 'sent'), 0)::int`.as("sent"),
      sql<number>`coalesce(sum(count) filter (where kind = 'opened'), 0)::int`.as("opened"),
      sql<number>`coalesce(sum(count) filter (where kind = 'clicked'), 0)::int`.as("clicked"),
      sql<number>`coalesce(sum(count) filter (where kind = 'converted'), 0)::int`.as("converted"),
    ])
    .where("tenant_id", "=", tenantId)
    .where("campaign_id", "in", campaigns)
    .executeTakeFirstOrThrow();
  if (totals.sent < MIN_HISTORY_SENDS) return undefined;
  return { open_rate: totals.opened / totals.sent, click_rate: totals.clicked / totals.sent, conversion_rate: totals.converted / totals.sent };
}
