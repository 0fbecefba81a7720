import { sql, type Transaction } from "kysely";
import type { CampaignDatabase } from "./db";

/** Adds one to a campaign's hourly count of a kind of activity (sent, failed, opened…). */
export async function countActivity(trx: Transaction<CampaignDatabase>, row: { campaign_id: string; tenant_id: string; channel: string; kind: string; at: Date }): Promise<void> {
  const hour = new Date(Math.floor(row.at.getTime() / 3_600_000) * 3_600_000);
  await trx
    .insertInto("campaign_activity")
    .values({ campaign_id: row.campaign_id, tenant_id: row.tenant_id, hour, channel: row.channel, kind: row.kind, count: 1 })
    .onConflict((oc) => oc.columns(["campaign_id", "hour", "channel", "kind"]).doUpdateSet({ count: sql`campaign_activity.count + 1` }))
    .execute();
}
