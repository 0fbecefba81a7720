import type { Kysely } from "kysely";
import { ServiceError } from "@mcb/bus";
import type { CampaignList, CampaignListQuery } from "@mcb/contracts";
import type { CampaignDatabase } from "./db";

const encodeCursor = (seq: number) => Buffer.from(`s${seq}`).toString("base64url");

function decodeCursor(value: string): number {
  const match = /^s(\d{1,15})$/.exec(Buffer.from(value, "base64url").toString("utf8"));
  if (!match?.[1]) throw new ServiceError("VALIDATION_FAILED", "cursor is not one this API issued", { fields: [{ field: "query.cursor", message: "invalid cursor" }] });
  return Number(match[1]);
}

/**
 * Newest first, keyset-paginated on the insertion sequence, so pages never skip or repeat —
 * even for campaigns created in the same microsecond.
 */
export async function listCampaigns(db: Kysely<CampaignDatabase>, tenantId: string, query: CampaignListQuery): Promise<CampaignList> {
  let q = db
    .selectFrom("campaigns")
    .select(["seq", "campaign_id", "campaign_name", "campaign_type", "campaign_status", "owner_id", "audience_size", "estimated_reach", "scheduled_send_date", "created_at"])
    .where("tenant_id", "=", tenantId);
  if (query.status) q = q.where("campaign_status", "=", query.status);
  if (query.campaign_type) q = q.where("campaign_type", "=", query.campaign_type);
  if (query.owner_id) q = q.where("owner_id", "=", query.owner_id);
  if (query.created_after) q = q.where("created_at", ">=", new Date(query.created_after));
  if (query.created_before) q = q.where("created_at", "<", new Date(query.created_before));
  if (query.cursor) q = q.where("seq", "<", decodeCursor(query.cursor));
  const rows = await q.orderBy("seq", "desc").limit(query.limit + 1).execute();
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ seq: _seq, ...r }) => ({ ...r, scheduled_send_date: r.scheduled_send_date?.toISOString() ?? null, created_at: r.created_at.toISOString() })),
    next_cursor: rows.length > query.limit && last ? encodeCursor(last.seq) : null,
  };
}
