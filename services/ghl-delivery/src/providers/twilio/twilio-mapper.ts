import type { OutboundMessage } from "../channel-provider";

/** The sender: a number of the account, or a Messaging Service that picks one from its pool. */
export type TwilioSender = { messagingServiceSid: string } | { fromNumber: string };

/** Create Message parameters, form-encoded as Twilio's 2010 API requires. */
export function toTwilioMessageForm(message: OutboundMessage, to: string, sender: TwilioSender, statusCallbackUrl: string): URLSearchParams {
  const form = new URLSearchParams();
  form.set("To", to);
  form.set("Body", message.content.text);
  if ("messagingServiceSid" in sender) form.set("MessagingServiceSid", sender.messagingServiceSid);
  else form.set("From", sender.fromNumber);
  form.set("StatusCallback", statusCallbackUrl);
  return form;
}

/** The one field we need from the Message resource Twilio answers with. */
export function messageSidOf(resource: unknown): string | null {
  if (typeof resource !== "object" || resource === null) return null;
  const sid = (resource as { sid?: unknown }).sid;
  return typeof sid === "string" && sid.length > 0 ? sid : null;
}
