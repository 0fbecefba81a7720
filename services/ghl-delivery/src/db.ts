import type { ColumnType, Insertable, Selectable, Updateable } from "kysely";
import type { DeliverableChannel, ProviderEvent } from "@mcb/contracts";
import type { OutboxTable } from "@mcb/db";

/** pending → sending → sent | failed; `sending` is committed before the provider is called. */
export type DeliveryStatus = "pending" | "sending" | "sent" | "failed";
/** The vendors a delivery can go out through (the same names provider webhooks use). */
export type ProviderName = ProviderEvent["provider"];

/** One recipient × channel × campaign step, keyed by the deterministic id of the request. */
export interface DeliveriesTable {
  delivery_id: string;
  tenant_id: string;
  campaign_id: string;
  contact_id: string;
  channel: DeliverableChannel;
  step: number;
  status: DeliveryStatus;
  provider: ProviderName | null;
  provider_message_id: string | null;
  /** Provider calls made so far. */
  attempts: ColumnType<number, number | undefined, number>;
  last_error_code: string | null;
  last_error: string | null;
  requested_at: ColumnType<Date, Date, never>;
  sent_at: Date | null;
  updated_at: Date;
}

/** What each provider call answered, kept for support and for tracing a complaint. */
export interface ProviderResponsesTable {
  delivery_id: string;
  attempt: number;
  provider: ProviderName;
  /** Null when no HTTP answer came back (connection refused, timeout). */
  http_status: number | null;
  outcome: "sent" | "retryable" | "rejected" | "unknown";
  code: string | null;
  body_excerpt: string;
  created_at: ColumnType<Date, Date, never>;
}

export interface DeliveryDatabase {
  deliveries: DeliveriesTable;
  provider_responses: ProviderResponsesTable;
  outbox: OutboxTable;
}

export type Delivery = Selectable<DeliveriesTable>;
export type NewDelivery = Insertable<DeliveriesTable>;
export type DeliveryUpdate = Updateable<DeliveriesTable>;
export type NewProviderResponse = Insertable<ProviderResponsesTable>;
