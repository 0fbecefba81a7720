import { z } from "zod";
import type { ChannelProvider, OutboundMessage, SendResult } from "../channel-provider";
import { parseProviderConfig } from "../provider-config-error";
import { classifyTransportFailure, exchangeOf, parseJson } from "../provider-answer";
import { isSuccessStatus, joinUrl, postToProvider, type ProviderHttpOptions } from "../provider-http-client";
import { classifyGhlFailure } from "./ghl-errors";
import { GHL_API_VERSION, messageIdOf, toGhlMessage } from "./ghl-mapper";

export const GhlConfig = z.object({
  baseUrl: z.url(),
  /** A location-scoped token: it already names the sub-account, so no location id goes on the wire. */
  apiToken: z.string().min(1),
});
export type GhlConfig = z.infer<typeof GhlConfig>;

/**
 * Email and SMS through GoHighLevel's Conversations API, to contacts that already exist in the
 * GHL location (the message lands in the contact's conversation, sent by the location's own
 * email and phone settings).
 */
export class GhlProvider implements ChannelProvider {
  readonly name = "ghl" as const;
  readonly channels = ["EMAIL", "SMS"] as const;
  private readonly config: GhlConfig;

  constructor(config: GhlConfig, private readonly http: ProviderHttpOptions = {}) {
    this.config = parseProviderConfig("ghl", GhlConfig, config);
  }

  async send(message: OutboundMessage): Promise<SendResult> {
    const contactId = message.recipient.ghl_contact_id;
    if (!contactId) return { kind: "rejected", code: "NO_ADDRESS", reason: "the recipient has no GHL contact id" };
    const outcome = await postToProvider(
      {
        url: joinUrl(this.config.baseUrl, "/conversations/messages"),
        headers: {
          authorization: `Bearer ${this.config.apiToken}`,
          version: GHL_API_VERSION,
          "content-type": "application/json",
          accept: "application/json",
        },
        body: JSON.stringify(toGhlMessage(message, contactId)),
      },
      this.http,
    );
    if (outcome.kind !== "answered") return classifyTransportFailure(outcome);
    if (!isSuccessStatus(outcome.status)) return classifyGhlFailure(outcome);
    return { kind: "sent", providerMessageId: messageIdOf(parseJson(outcome.body)), exchange: exchangeOf(outcome) };
  }
}
