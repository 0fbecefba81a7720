import type { Kysely, Transaction } from "kysely";
import type { AuditQuery, AuditTrail, CampaignStatus } from "@mcb/contracts";
import type { CampaignDatabase } from "./db";

export interface AuditRecord {
  tenant_id: string;
  campaign_id: string;
  actor: string;
  action: string;
  from_status?: CampaignStatus | null;
  to_status?: CampaignStatus | null;
  changes?: Record<string, unknown> | null;
}

/** Written inside the transaction of the change it describes, so the trail cannot miss one. */
export async function recordAudit(trx: Transaction<CampaignDatabase>, record: AuditRecord): Promise<void> {
  await trx
    .insertInto("audit_log")
    .values({
      tenant_id: record.tenant_id,
      campaign_id: record.campaign_id,
      actor: record.actor,
      action: record.action,
      from_status: record.from_status ?? null,
      to_status: record.to_status ?? null,
      changes: record.changes ? JSON.stringify(record.changes) : null,
    })
    .execute();
}

export async function readAudit(db: Kysely<CampaignDatabase>, tenantId: string, campaignId: string, query: AuditQuery): Promise<AuditTrail> {
  let q = db.selectFrom("audit_log").selectAll().where("tenant_id", "=", tenantId).where("campaign_id", "=", campaignId);
  if (query.cursor) q = q.where("audit_id", ">", query.cursor);
  const rows = await q.orderBy("audit_id").limit(query.limit + 1).execute();
  const page = rows.slice(0, query.limit);
  return {
    campaign_id: campaignId,
    items: page.map((r) => ({ at: r.at.toISOString(), actor: r.actor, action: r.action, from_status: r.from_status, to_status: r.to_status, changes: r.changes })),
    next_cursor: rows.length > query.limit ? String(page.at(-1)?.audit_id) : null,
  };
}
