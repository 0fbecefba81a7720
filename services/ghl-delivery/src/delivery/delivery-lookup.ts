import type { Kysely } from "kysely";
import { ServiceError } from "@mcb/bus";
import type { RpcResponse } from "@mcb/contracts";
import type { DeliveryDatabase } from "../db";

/** svc.delivery.lookup: who and what a delivery id (from an unsubscribe link) stands for. */
export async function lookupDelivery(db: Kysely<DeliveryDatabase>, deliveryId: string): Promise<RpcResponse<"svc.delivery.lookup">> {
  const row = await db.selectFrom("deliveries").select(["tenant_id", "campaign_id", "contact_id", "channel"]).where("delivery_id", "=", deliveryId).executeTakeFirst();
  if (!row) throw new ServiceError("NOT_FOUND", "no such delivery");
  return row;
}
