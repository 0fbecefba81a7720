import type { AnyKysely } from "./any-kysely";
import type { ColumnType, Kysely } from "kysely";

/** Remembers which events a consumer has applied, so a redelivery changes nothing. */
export interface ProcessedEventTable {
  consumer: string;
  event_id: string;
  processed_at: ColumnType<Date, never, never>;
}

export interface InboxDatabase {
  processed_events: ProcessedEventTable;
}

/**
 * Claims an event inside the handler's transaction. False means it was applied before; the
 * claim commits or rolls back together with the handler's own writes.
 */
export async function claimEvent(trx: AnyKysely, consumer: string, eventId: string): Promise<boolean> {
  const inserted = await (trx as unknown as Kysely<InboxDatabase>)
    .insertInto("processed_events")
    .values({ consumer, event_id: eventId })
    .onConflict((oc) => oc.columns(["consumer", "event_id"]).doNothing())
    .returning("event_id")
    .executeTakeFirst();
  return inserted !== undefined;
}
