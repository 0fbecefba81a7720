import type { DeliverableChannel, Recipient } from "@mcb/contracts";
import type { DeliveryEnv } from "../env";
import { DeliveryFailureCode } from "../failure-codes";
import type { ChannelProvider } from "./channel-provider";
import { GhlProvider } from "./ghl/ghl-provider";
import type { ProviderHttpOptions } from "./provider-http-client";
import { parseSender } from "./sendgrid/sendgrid-mapper";
import { SendGridProvider } from "./sendgrid/sendgrid-provider";
import { TwilioProvider } from "./twilio/twilio-provider";

/** The provider to use for one delivery, or why there is none. */
export type ProviderChoice =
  | { kind: "provider"; provider: ChannelProvider }
  | { kind: "unavailable"; code: typeof DeliveryFailureCode.CHANNEL_NOT_CONFIGURED | typeof DeliveryFailureCode.NO_ADDRESS; reason: string };

export interface ProviderSelector {
  select(channel: DeliverableChannel, recipient: Recipient): ProviderChoice;
}

export type ProviderEnv = Pick<
  DeliveryEnv,
  | "SENDGRID_API_BASE_URL"
  | "TWILIO_API_BASE_URL"
  | "GHL_API_BASE_URL"
  | "SENDGRID_API_KEY"
  | "EMAIL_FROM"
  | "TWILIO_ACCOUNT_SID"
  | "TWILIO_AUTH_TOKEN"
  | "TWILIO_FROM_NUMBER"
  | "TWILIO_MESSAGING_SERVICE_SID"
  | "GHL_API_TOKEN"
  | "PUBLIC_BASE_URL"
>;

/** The gateway route Twilio posts status callbacks to (ARCHITECTURE §5). */
export const twilioStatusCallbackUrl = (publicBaseUrl: string): string => `${publicBaseUrl.replace(/\/+$/, "")}/api/v1/marketing/webhooks/twilio`;

interface ChannelRoute {
  /** The channel's own vendor, when its account is set up. */
  primary: ChannelProvider | undefined;
  hasPrimaryAddress(recipient: Recipient): boolean;
  primaryAddress: string;
}

/**
 * Builds the adapters whose accounts are configured (validating each account's settings now, so
 * a bad one stops start-up instead of failing the first send) and picks one per delivery:
 * the channel's own vendor (SendGrid for email, Twilio for SMS) when the recipient has the
 * address it needs, else GoHighLevel for a recipient known there by contact id.
 */
export function createProviderSelector(env: ProviderEnv, http: ProviderHttpOptions = {}): ProviderSelector {
  const sendGrid =
    env.SENDGRID_API_KEY && env.EMAIL_FROM
      ? new SendGridProvider({ baseUrl: env.SENDGRID_API_BASE_URL, apiKey: env.SENDGRID_API_KEY, from: parseSender(env.EMAIL_FROM) }, http)
      : undefined;
  const twilio =
    env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN && (env.TWILIO_FROM_NUMBER || env.TWILIO_MESSAGING_SERVICE_SID)
      ? new TwilioProvider(
          {
            baseUrl: env.TWILIO_API_BASE_URL,
            accountSid: env.TWILIO_ACCOUNT_SID,
            authToken: env.TWILIO_AUTH_TOKEN,
            fromNumber: env.TWILIO_FROM_NUMBER,
            messagingServiceSid: env.TWILIO_MESSAGING_SERVICE_SID,
            statusCallbackUrl: twilioStatusCallbackUrl(env.PUBLIC_BASE_URL),
          },
          http,
        )
      : undefined;
  const ghl = env.GHL_API_TOKEN ? new GhlProvider({ baseUrl: env.GHL_API_BASE_URL, apiToken: env.GHL_API_TOKEN }, http) : undefined;

  const routes: Record<DeliverableChannel, ChannelRoute> = {
    EMAIL: { primary: sendGrid, hasPrimaryAddress: (r) => Boolean(r.email), primaryAddress: "an email address" },
    SMS: { primary: twilio, hasPrimaryAddress: (r) => Boolean(r.phone), primaryAddress: "a phone number" },
  };

  return {
    select(channel, recipient) {
      const route = routes[channel];
      if (route.primary && route.hasPrimaryAddress(recipient)) return { kind: "provider", provider: route.primary };
      if (ghl && recipient.ghl_contact_id) return { kind: "provider", provider: ghl };
      if (!route.primary && !ghl) {
        return { kind: "unavailable", code: DeliveryFailureCode.CHANNEL_NOT_CONFIGURED, reason: `no provider account is configured for ${channel}` };
      }
      const usable = [route.primary ? route.primaryAddress : undefined, ghl ? "a GHL contact id" : undefined].filter(Boolean);
      return { kind: "unavailable", code: DeliveryFailureCode.NO_ADDRESS, reason: `the recipient lacks ${usable.join(" or ")} for ${channel}` };
    },
  };
}
