import type { Transaction } from "kysely";
import { ServiceError } from "@mcb/bus";
import type { CampaignDatabase, CampaignRow } from "./db";
import { allowedFrom, canApply, type CampaignOperation } from "./domain/campaign-lifecycle";

/** Locks a tenant's campaign for change; another tenant's campaign is simply not found. */
export async function lockCampaign(trx: Transaction<CampaignDatabase>, tenantId: string, campaignId: string): Promise<CampaignRow> {
  const row = await trx.selectFrom("campaigns").selectAll().where("tenant_id", "=", tenantId).where("campaign_id", "=", campaignId).forUpdate().executeTakeFirst();
  if (!row) throw new ServiceError("NOT_FOUND", `campaign ${campaignId} not found`);
  return row;
}

export function assertAllowed(operation: CampaignOperation, row: CampaignRow): void {
  if (canApply(operation, row.campaign_status)) return;
  throw new ServiceError("INVALID_STATE", `cannot ${operation} a ${row.campaign_status} campaign; ${operation} needs ${allowedFrom[operation].join(" or ")}`, {
    details: { current_status: row.campaign_status, allowed_from: allowedFrom[operation] },
  });
}
