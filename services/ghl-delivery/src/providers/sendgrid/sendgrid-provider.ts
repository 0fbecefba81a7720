import { z } from "zod";
import type { ChannelProvider, OutboundMessage, SendResult } from "../channel-provider";
import { parseProviderConfig } from "../provider-config-error";
import { classifyTransportFailure, exchangeOf } from "../provider-answer";
import { isSuccessStatus, joinUrl, postToProvider, type ProviderHttpOptions } from "../provider-http-client";
import { classifySendGridFailure } from "./sendgrid-errors";
import { toSendGridMail } from "./sendgrid-mapper";

export const SendGridConfig = z.object({
  baseUrl: z.url(),
  apiKey: z.string().min(1),
  from: z.object({ email: z.email(), name: z.string().min(1).optional() }),
});
export type SendGridConfig = z.infer<typeof SendGridConfig>;

/** Email through SendGrid's v3 Mail Send API. */
export class SendGridProvider implements ChannelProvider {
  readonly name = "sendgrid" as const;
  readonly channels = ["EMAIL"] as const;
  private readonly config: SendGridConfig;

  constructor(config: SendGridConfig, private readonly http: ProviderHttpOptions = {}) {
    this.config = parseProviderConfig("sendgrid", SendGridConfig, config);
  }

  async send(message: OutboundMessage): Promise<SendResult> {
    const email = message.recipient.email;
    if (!email) return { kind: "rejected", code: "NO_ADDRESS", reason: "the recipient has no email address" };
    const outcome = await postToProvider(
      {
        url: joinUrl(this.config.baseUrl, "/v3/mail/send"),
        headers: { authorization: `Bearer ${this.config.apiKey}`, "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify(toSendGridMail(message, email, this.config.from)),
      },
      this.http,
    );
    if (outcome.kind !== "answered") return classifyTransportFailure(outcome);
    if (!isSuccessStatus(outcome.status)) return classifySendGridFailure(outcome);
    return { kind: "sent", providerMessageId: outcome.headers.get("x-message-id"), exchange: exchangeOf(outcome) };
  }
}
