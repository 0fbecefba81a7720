import type { Kysely } from "kysely";
import { ServiceError } from "@mcb/bus";
import type { CampaignList, CampaignListQuery } from "@mcb/contracts";
import type { CampaignDatabase } from "./db";

interface Cursor {
  created_at: string;
  campaign_id: string;
}

const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify([c.created_at, c.campaign_id])).toString("base64url");

function decodeCursor(value: string): Cursor {
  try {
    const [created_at, campaign_id] = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as [string, string];
    if (typeof created_at !== "string" || typeof campaign_id !== "string" || !/^[A-Za-z0-9_-]{1,100}$/.test(campaign_id) || Number.isNaN(Date.parse(created_at))) throw new Error("shape");
    return { created_at, campaign_id };
  } catch {
    throw new ServiceError("VALIDATION_FAILED", "cursor is not one this API issued", { fields: [{ field: "query.cursor", message: "invalid cursor" }] });
  }
}

/** Newest first, keyset-paginated on (created_at, campaign_id) so pages never skip or repeat. */
export async function listCampaigns(db: Kysely<CampaignDatabase>, tenantId: string, query: CampaignListQuery): Promise<CampaignList> {
  let q = db
    .selectFrom("campaigns")
    .select(["campaign_id", "campaign_name", "campaign_type", "campaign_status", "owner_id", "audience_size", "estimated_reach", "scheduled_send_date", "created_at"])
    .where("tenant_id", "=", tenantId);
  if (query.status) q = q.where("campaign_status", "=", query.status);
  if (query.campaign_type) q = q.where("campaign_type", "=", query.campaign_type);
  if (query.owner_id) q = q.where("owner_id", "=", query.owner_id);
  if (query.created_after) q = q.where("created_at", ">=", new Date(query.created_after));
  if (query.created_before) q = q.where("created_at", "<", new Date(query.created_before));
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor);
    const at = new Date(cursor.created_at);
    q = q.where((eb) => eb.or([eb("created_at", "<", at), eb.and([eb("created_at", "=", at), eb("campaign_id", "<", cursor.campaign_id)])]));
  }
  const rows = await q.orderBy("created_at", "desc").orderBy("campaign_id", "desc").limit(query.limit + 1).execute();
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({ ...r, scheduled_send_date: r.scheduled_send_date?.toISOString() ?? null, created_at: r.created_at.toISOString() })),
    next_cursor: rows.length > query.limit && last ? encodeCursor({ created_at: last.created_at.toISOString(), campaign_id: last.campaign_id }) : null,
  };
}
