import type { ColumnType, Insertable, Selectable, Updateable } from "kysely";
import type { DeliverableChannel, DeliveryRequested, ProviderEvent } from "@mcb/contracts";
import type { OutboxTable } from "@mcb/db";

/**
 * pending → sending → sent | failed; `sending` is committed before the provider is called.
 * A delivery of a paused campaign waits as `held` and returns to `pending` on resume.
 */
export type DeliveryStatus = "pending" | "sending" | "sent" | "failed" | "held";
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
  /** The request a held delivery will be sent with once its campaign resumes. */
  request: ColumnType<DeliveryRequested | null, string | null | undefined, string | null>;
}

export type HoldState = "active" | "paused" | "cancelled";

export interface CampaignHoldsTable {
  campaign_id: string;
  tenant_id: string;
  state: HoldState;
  /** When the announcing event happened; an older event never overrides a newer one. */
  changed_at: Date;
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
  campaign_holds: CampaignHoldsTable;
  outbox: OutboxTable;
}

export type Delivery = Selectable<DeliveriesTable>;
export type NewDelivery = Insertable<DeliveriesTable>;
export type DeliveryUpdate = Updateable<DeliveriesTable>;
export type NewProviderResponse = Insertable<ProviderResponsesTable>;
