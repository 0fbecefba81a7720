import type { OutboundMessage } from "../channel-provider";

/** The Conversations API version our request and response shapes follow. */
export const GHL_API_VERSION = "2021-04-15";

/** POST /conversations/messages body for the two channels we send. */
export type GhlSendMessageBody =
  | { type: "Email"; contactId: string; subject: string; html: string; message: string }
  | { type: "SMS"; contactId: string; message: string };

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A plain-text email still needs an html part in GHL's composer; keep its line breaks. */
const textAsHtml = (text: string): string => `<p>${escapeHtml(text).replace(/\n/g, "<br>")}</p>`;

/** Maps one rendered message to a LeadConnector Send Message request for an existing contact. */
export function toGhlMessage(message: OutboundMessage, contactId: string): GhlSendMessageBody {
  if (message.channel === "EMAIL") {
    return {
      type: "Email",
      contactId,
      subject: message.content.subject ?? "",
      html: message.content.html ?? textAsHtml(message.content.text),
      message: message.content.text,
    };
  }
  return { type: "SMS", contactId, message: message.content.text };
}

/** GHL answers `{ conversationId, messageId, msg? }`; the message id is the one webhooks echo. */
export function messageIdOf(response: unknown): string | null {
  if (typeof response !== "object" || response === null) return null;
  const { messageId, emailMessageId } = response as { messageId?: unknown; emailMessageId?: unknown };
  if (typeof messageId === "string" && messageId) return messageId;
  return typeof emailMessageId === "string" && emailMessageId ? emailMessageId : null;
}
