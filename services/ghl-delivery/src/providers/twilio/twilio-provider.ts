import { z } from "zod";
import type { ChannelProvider, OutboundMessage, SendResult } from "../channel-provider";
import { parseProviderConfig, ProviderConfigError } from "../provider-config-error";
import { classifyTransportFailure, exchangeOf, parseJson } from "../provider-answer";
import { isSuccessStatus, joinUrl, postToProvider, type ProviderHttpOptions } from "../provider-http-client";
import { classifyTwilioFailure } from "./twilio-errors";
import { messageSidOf, toTwilioMessageForm, type TwilioSender } from "./twilio-mapper";

export const TwilioConfig = z
  .object({
    baseUrl: z.url(),
    accountSid: z.string().regex(/^AC[0-9a-fA-F]{32}$/),
    authToken: z.string().min(1),
    fromNumber: z.string().regex(/^\+[1-9]\d{1,14}$/).optional(),
    messagingServiceSid: z.string().regex(/^MG[0-9a-fA-F]{32}$/).optional(),
    /** Where Twilio posts delivery status changes (the gateway's webhook). */
    statusCallbackUrl: z.url(),
  })
  .refine((c) => c.fromNumber !== undefined || c.messagingServiceSid !== undefined, {
    message: "a From number or a Messaging Service SID is required",
    path: ["fromNumber"],
  });
export type TwilioConfig = z.infer<typeof TwilioConfig>;

/** A Messaging Service handles sender choice, opt-outs and throughput, so it wins when both are set. */
function senderOf(config: TwilioConfig): TwilioSender {
  if (config.messagingServiceSid) return { messagingServiceSid: config.messagingServiceSid };
  if (config.fromNumber) return { fromNumber: config.fromNumber };
  throw new ProviderConfigError("twilio", [{ field: "fromNumber", message: "a From number or a Messaging Service SID is required" }]);
}

/** SMS through Twilio Programmable Messaging (2010-04-01 Messages resource). */
export class TwilioProvider implements ChannelProvider {
  readonly name = "twilio" as const;
  readonly channels = ["SMS"] as const;
  private readonly config: TwilioConfig;
  private readonly sender: TwilioSender;

  constructor(config: TwilioConfig, private readonly http: ProviderHttpOptions = {}) {
    this.config = parseProviderConfig("twilio", TwilioConfig, config);
    this.sender = senderOf(this.config);
  }

  async send(message: OutboundMessage): Promise<SendResult> {
    const phone = message.recipient.phone;
    if (!phone) return { kind: "rejected", code: "NO_ADDRESS", reason: "the recipient has no phone number" };
    const { accountSid, authToken } = this.config;
    const outcome = await postToProvider(
      {
        url: joinUrl(this.config.baseUrl, `/2010-04-01/Accounts/${encodeURIComponent(accountSid)}/Messages.json`),
        headers: {
          authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString("base64")}`,
          "content-type": "application/x-www-form-urlencoded",
          accept: "application/json",
        },
        body: toTwilioMessageForm(message, phone, this.sender, this.config.statusCallbackUrl).toString(),
      },
      this.http,
    );
    if (outcome.kind !== "answered") return classifyTransportFailure(outcome);
    if (!isSuccessStatus(outcome.status)) return classifyTwilioFailure(outcome);
    return { kind: "sent", providerMessageId: messageSidOf(parseJson(outcome.body)), exchange: exchangeOf(outcome) };
  }
}
