/**
 * Codes of the failures this service decides itself (provider refusals carry the provider's own
 * code instead, e.g. Twilio's "21610"). They travel in delivery.failed's `code`.
 */
export const DeliveryFailureCode = {
  /** No provider account is set up for the channel. */
  CHANNEL_NOT_CONFIGURED: "CHANNEL_NOT_CONFIGURED",
  /** The recipient has no address the configured providers can use on this channel. */
  NO_ADDRESS: "NO_ADDRESS",
  /** A send was started but its result was never recorded; sending again could duplicate it. */
  OUTCOME_UNKNOWN: "OUTCOME_UNKNOWN",
  /** The provider kept failing transiently until the attempts ran out. */
  ATTEMPTS_EXHAUSTED: "ATTEMPTS_EXHAUSTED",
  /** The template renderer refused the request (unknown template, bad variables). */
  RENDER_FAILED: "RENDER_FAILED",
  /** The template renderer could not be reached until the attempts ran out. */
  RENDER_UNAVAILABLE: "RENDER_UNAVAILABLE",
  /** The rendered content cannot be sent on this channel (e.g. an email without a subject). */
  RENDER_INVALID: "RENDER_INVALID",
  /** The campaign was cancelled before this delivery was sent. */
  CAMPAIGN_CANCELLED: "CAMPAIGN_CANCELLED",
} as const;
export type DeliveryFailureCode = (typeof DeliveryFailureCode)[keyof typeof DeliveryFailureCode];
