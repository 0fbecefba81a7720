import { createHash, randomBytes } from "node:crypto";

const digest = (parts: readonly (string | number)[]) => createHash("sha256").update(parts.join("\u001f")).digest("hex");

export function newCampaignId(): string {
  return `camp_${randomBytes(8).toString("hex")}`;
}

/** The same work always gets the same campaign id, so a replayed trigger cannot double it. */
export function derivedCampaignId(...parts: readonly (string | number)[]): string {
  return `camp_${digest(parts).slice(0, 16)}`;
}

/** One id per campaign × step × contact × channel: the unit that is sent at most once. */
export function deliveryIdFor(campaignId: string, step: number, contactId: string, channel: string): string {
  return `dlv_${digest([campaignId, step, contactId, channel]).slice(0, 24)}`;
}

/**
 * A new campaign's id: derived from the Idempotency-Key when there is one (so a retry finds the
 * first campaign, and its body fingerprint is kept to refuse another body), else random.
 */
export function newCampaignIdentity(tenantId: string, route: string, idempotency: { key: string; fingerprint: string } | undefined): { campaign_id: string; request_fingerprint: string | undefined } {
  return idempotency
    ? { campaign_id: derivedCampaignId(tenantId, route, idempotency.key), request_fingerprint: idempotency.fingerprint }
    : { campaign_id: newCampaignId(), request_fingerprint: undefined };
}
