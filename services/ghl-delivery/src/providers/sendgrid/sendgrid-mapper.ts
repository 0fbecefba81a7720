import type { OutboundMessage } from "../channel-provider";

/** The v3 mail/send body, as far as we use it. */
export interface SendGridMailBody {
  personalizations: {
    to: { email: string; name?: string }[];
    custom_args: Record<string, string>;
  }[];
  from: { email: string; name?: string };
  subject: string;
  content: { type: "text/plain" | "text/html"; value: string }[];
  headers: Record<string, string>;
}

export interface SendGridSender {
  email: string;
  name?: string | undefined;
}

/** "Jane Agent <jane@agency.com>" or a bare address. */
export function parseSender(value: string): SendGridSender {
  const match = /^\s*([^<>]*?)\s*<\s*([^<>\s]+)\s*>\s*$/.exec(value);
  if (!match) return { email: value.trim() };
  const name = match[1];
  return { email: match[2] ?? "", ...(name ? { name } : {}) };
}

/**
 * SendGrid accepts a `to.name` containing "," or ";" with 202 and then drops the message as an
 * invalid address, so those (and control characters) are replaced before sending.
 */
function displayName(message: OutboundMessage): string | undefined {
  const name = [message.recipient.first_name, message.recipient.last_name]
    .filter(Boolean)
    .join(" ")
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[,;"\u0000-\u001f\u007f]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return name || undefined;
}

/**
 * Maps one rendered email to SendGrid's wire format. Our ids ride along as custom_args, which
 * SendGrid echoes on every Event Webhook post, so engagement can be tied back to the delivery.
 * SendGrid requires text/plain before text/html.
 */
export function toSendGridMail(message: OutboundMessage, email: string, from: SendGridSender): SendGridMailBody {
  const name = displayName(message);
  const content: SendGridMailBody["content"] = [{ type: "text/plain", value: message.content.text }];
  if (message.content.html) content.push({ type: "text/html", value: message.content.html });
  return {
    personalizations: [
      {
        to: [{ email, ...(name ? { name } : {}) }],
        custom_args: { delivery_id: message.deliveryId, campaign_id: message.campaignId, tenant_id: message.tenantId },
      },
    ],
    from: { email: from.email, ...(from.name ? { name: from.name } : {}) },
    subject: message.content.subject ?? "",
    content,
    headers: {
      "List-Unsubscribe": `<${message.unsubscribeUrl}>`,
      // RFC 8058 one-click unsubscribe, which Gmail and Yahoo require of bulk senders.
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  };
}
