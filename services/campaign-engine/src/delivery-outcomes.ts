import { sql } from "kysely";
import { ok, type ConsumedEvent, type HandlerOutcome } from "@mcb/bus";
import { claimEvent } from "@mcb/db";
import type { EngineDeps } from "./engine-deps";
import { completeIfSettled } from "./launcher";

export const OUTCOMES_CONSUMER = "campaign-engine-outcomes";

/** delivery.sent / delivery.failed: count the outcome once, and complete the campaign when all are in. */
export async function handleDeliveryOutcome(deps: EngineDeps, event: ConsumedEvent<"delivery.sent" | "delivery.failed">): Promise<HandlerOutcome> {
  const column = event.subject === "delivery.sent" ? "deliveries_sent" : "deliveries_failed";
  const completed = await deps.db.transaction().execute(async (trx) => {
    if (!(await claimEvent(trx, OUTCOMES_CONSUMER, event.envelope.id))) return false;
    await trx
      .updateTable("campaigns")
      .set({ [column]: sql`${sql.ref(column)} + 1`, updated_at: sql`now()` })
      .where("campaign_id", "=", event.data.campaign_id)
      .where("tenant_id", "=", event.envelope.tenant_id)
      .execute();
    return completeIfSettled(trx, event.data.campaign_id);
  });
  if (completed) deps.afterCommit();
  return ok();
}
