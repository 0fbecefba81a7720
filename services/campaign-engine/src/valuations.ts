import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { ok, ServiceError, type ConsumedEvent, type HandlerOutcome } from "@mcb/bus";
import type { ComprehensiveValuation, ValuationCreated, ValuationInput } from "@mcb/contracts";
import type { CampaignDatabase } from "./db";

export const VALUATION_CONSUMER = "campaign-engine-valuations";

async function insertValuation(db: Kysely<CampaignDatabase>, tenantId: string, valuation: ComprehensiveValuation, fingerprint: string | null = null): Promise<void> {
  await db
    .insertInto("valuations")
    .values({ valuation_id: valuation.valuation_id, tenant_id: tenantId, valuation: JSON.stringify(valuation), created_at: new Date(valuation.created_at), request_fingerprint: fingerprint })
    .onConflict((oc) => oc.column("valuation_id").doNothing())
    .execute();
}

/** POST /valuations: stores the seed's ComprehensiveValuation for from-property to use. */
export async function storeValuation(db: Kysely<CampaignDatabase>, tenantId: string, input: ValuationInput, idempotency?: { key: string; fingerprint: string }): Promise<ValuationCreated> {
  // With an Idempotency-Key the id is derived from it, so a retried store finds the first one.
  const valuationId = idempotency ? `val_${createHash("sha256").update(`${tenantId}\u001f${idempotency.key}`).digest("hex").slice(0, 16)}` : `val_${randomBytes(8).toString("hex")}`;
  const valuation: ComprehensiveValuation = { ...input, valuation_id: valuationId, created_at: new Date().toISOString() };
  await insertValuation(db, tenantId, valuation, idempotency?.fingerprint ?? null);
  const stored = await db.selectFrom("valuations").select(["tenant_id", "created_at", "request_fingerprint"]).where("valuation_id", "=", valuationId).executeTakeFirstOrThrow();
  if (stored.tenant_id !== tenantId) throw new ServiceError("CONFLICT", "valuation id already taken");
  if (idempotency && stored.request_fingerprint !== idempotency.fingerprint) {
    throw new ServiceError("IDEMPOTENCY_MISMATCH", "this Idempotency-Key was used with a different request body");
  }
  return { valuation_id: valuationId, created_at: stored.created_at.toISOString() };
}

export async function getValuation(db: Kysely<CampaignDatabase>, tenantId: string, valuationId: string): Promise<ComprehensiveValuation> {
  const row = await db.selectFrom("valuations").select("valuation").where("tenant_id", "=", tenantId).where("valuation_id", "=", valuationId).executeTakeFirst();
  if (!row) throw new ServiceError("NOT_FOUND", `valuation ${valuationId} not found`);
  return row.valuation;
}

/** property.valuation.completed: the valuation engine's result, stored once under its own id. */
export async function handleValuationCompleted(db: Kysely<CampaignDatabase>, event: ConsumedEvent<"property.valuation.completed">): Promise<HandlerOutcome> {
  const data = event.data;
  const existing = await db.selectFrom("valuations").select("tenant_id").where("valuation_id", "=", data.valuation_id).executeTakeFirst();
  if (existing && existing.tenant_id !== event.envelope.tenant_id) return { kind: "give_up", reason: `valuation ${data.valuation_id} belongs to another tenant` };
  await insertValuation(db, event.envelope.tenant_id, { ...data, created_at: data.created_at ?? event.envelope.occurred_at });
  return ok();
}
