import type { SendResult } from "../channel-provider";
import { classifyFailedAnswer, parseJson } from "../provider-answer";
import type { ProviderHttpOutcome } from "../provider-http-client";

type Answered = Extract<ProviderHttpOutcome, { kind: "answered" }>;

/** Twilio's error body: `{ code, message, more_info, status }`. */
interface TwilioErrorBody {
  code?: unknown;
  message?: unknown;
}

/**
 * Twilio's numeric error code is the failure code (21610: the recipient replied STOP; 21211: not
 * a valid number; 20003: bad credentials), so downstream can act on it without parsing text.
 */
export function classifyTwilioFailure(answer: Answered): SendResult {
  const body = (parseJson(answer.body) ?? {}) as TwilioErrorBody;
  const code = typeof body.code === "number" || typeof body.code === "string" ? String(body.code) : `HTTP_${answer.status}`;
  const reason = typeof body.message === "string" ? body.message : `Twilio answered HTTP ${answer.status}`;
  const result = classifyFailedAnswer(answer, { code, reason });
  return result.kind === "rejected" && code === TWILIO_UNSUBSCRIBED ? { ...result, optedOut: true } : result;
}

/** "Attempt to send to unsubscribed recipient": the number replied STOP to this sender. */
const TWILIO_UNSUBSCRIBED = "21610";
