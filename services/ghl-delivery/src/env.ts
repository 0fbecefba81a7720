import { z } from "zod";
import { baseEnvSchema } from "@mcb/config";

const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http or https URL" });

/** `EMAIL_FROM` is an address, optionally with a display name: `Jane Agent <jane@agency.com>`. */
const senderAddress = z.string().regex(/^([^<>]+<\s*[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+\s*>|[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)$/, "an email address, optionally as Name <address>");

/**
 * ghl-delivery's variables (ARCHITECTURE §6). Every provider account is optional — an unset one
 * makes its channel report "not configured" — but a half-set account is a mistake caught here,
 * at start-up, rather than at the first send.
 */
export const deliveryEnv = baseEnvSchema
  .extend({
    SENDGRID_API_BASE_URL: httpUrl.default("https://api.sendgrid.com"),
    TWILIO_API_BASE_URL: httpUrl.default("https://api.twilio.com"),
    GHL_API_BASE_URL: httpUrl.default("https://services.leadconnectorhq.com"),
    SENDGRID_API_KEY: z.string().min(1).optional(),
    EMAIL_FROM: senderAddress.optional(),
    TWILIO_ACCOUNT_SID: z.string().regex(/^AC[0-9a-fA-F]{32}$/, "an account SID: AC followed by 32 hex digits").optional(),
    TWILIO_AUTH_TOKEN: z.string().min(1).optional(),
    TWILIO_FROM_NUMBER: z.string().regex(/^\+[1-9]\d{1,14}$/, "an E.164 number such as +14155550100").optional(),
    TWILIO_MESSAGING_SERVICE_SID: z.string().regex(/^MG[0-9a-fA-F]{32}$/, "a messaging service SID: MG followed by 32 hex digits").optional(),
    GHL_API_TOKEN: z.string().min(1).optional(),
    GHL_LOCATION_ID: z.string().min(1).optional(),
    PUBLIC_BASE_URL: httpUrl.default("http://127.0.0.1:8080"),
    /** Deliveries handled at once by one copy of the worker. */
    DELIVERY_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(8),
    /** Tries of one delivery before it is failed for good (also the consumer's max deliveries). */
    DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(5),
    /**
     * How long a delivery may stay unacknowledged before NATS hands it to another copy. Three
     * quarters of it is the send lease: a `sending` row older than that after a crash is failed as
     * OUTCOME_UNKNOWN, never sent again.
     */
    DELIVERY_ACK_WAIT_MS: z.coerce.number().int().min(1_000).default(60_000),
  })
  .superRefine((env, issues) => {
    const missing = (variable: string, message: string) => issues.addIssue({ code: "custom", path: [variable], message });
    if (env.SENDGRID_API_KEY && !env.EMAIL_FROM) missing("EMAIL_FROM", "required when SENDGRID_API_KEY is set");
    if (env.TWILIO_ACCOUNT_SID) {
      if (!env.TWILIO_AUTH_TOKEN) missing("TWILIO_AUTH_TOKEN", "required when TWILIO_ACCOUNT_SID is set");
      if (!env.TWILIO_FROM_NUMBER && !env.TWILIO_MESSAGING_SERVICE_SID) {
        missing("TWILIO_FROM_NUMBER", "TWILIO_FROM_NUMBER or TWILIO_MESSAGING_SERVICE_SID is required when TWILIO_ACCOUNT_SID is set");
      }
    } else if (env.TWILIO_AUTH_TOKEN) {
      missing("TWILIO_ACCOUNT_SID", "required when TWILIO_AUTH_TOKEN is set");
    }
  });
export type DeliveryEnv = z.infer<typeof deliveryEnv>;
