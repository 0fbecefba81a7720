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

/**
 * History changes slowly (it moves as campaigns send), so each answer is reused for a short
 * while instead of aggregating activity on every campaign created.
 */
export class TenantRatesCache {
  private readonly entries = new Map<string, { rates: EngagementRates | undefined; expires: number }>();

  constructor(
    private readonly db: Kysely<CampaignDatabase>,
    private readonly ttlMs = 60_000,
  ) {}

  async get(tenantId: string, type: CampaignType, segments: readonly AudienceSegment[]): Promise<EngagementRates | undefined> {
    const key = `${tenantId}|${type}|${[...segments].sort().join(",")}`;
    const hit = this.entries.get(key);
    if (hit && hit.expires > Date.now()) return hit.rates;
    const rates = await tenantRates(this.db, tenantId, type, segments);
    if (this.entries.size > 10_000) this.entries.clear();
    this.entries.set(key, { rates, expires: Date.now() + this.ttlMs });
    return rates;
  }
}
