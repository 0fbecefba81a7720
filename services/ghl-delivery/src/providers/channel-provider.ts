import type { DeliverableChannel, Recipient, RenderedContent } from "@mcb/contracts";
import type { ProviderName } from "../db";

/** One rendered message for one recipient, as every provider adapter receives it. */
export interface OutboundMessage {
  deliveryId: string;
  tenantId: string;
  campaignId: string;
  channel: DeliverableChannel;
  recipient: Recipient;
  content: RenderedContent;
  /** One-click unsubscribe link for this delivery (List-Unsubscribe, footer links). */
  unsubscribeUrl: string;
}

/** What the provider said, kept in provider_responses. */
export interface ProviderExchange {
  /** Null when no HTTP answer came back. */
  httpStatus: number | null;
  body: string;
}

/**
 * A send's outcome as a value, saying whether trying again can help:
 * - sent: the provider accepted the message;
 * - retryable: it certainly did not take it, and a later try may succeed (429, 5xx, no connection);
 * - rejected: it refused it for a reason a retry will not change (4xx, with the provider's code);
 * - unknown: the request may have reached the provider but no answer came back, so sending
 *   again could deliver the message twice.
 */
export type SendResult =
  | { kind: "sent"; providerMessageId: string | null; exchange?: ProviderExchange }
  | { kind: "retryable"; code: string; reason: string; retryAfterMs?: number; exchange?: ProviderExchange }
  | { kind: "rejected"; code: string; reason: string; exchange?: ProviderExchange; /** The recipient opted out at the vendor (e.g. replied STOP). */ optedOut?: boolean }
  | { kind: "unknown"; code: string; reason: string; exchange?: ProviderExchange };

/** One vendor adapter. `send` never throws: every expected failure is a SendResult. */
export interface ChannelProvider {
  readonly name: ProviderName;
  readonly channels: readonly DeliverableChannel[];
  send(message: OutboundMessage): Promise<SendResult>;
}
