import type { SendResult } from "../channel-provider";
import { classifyFailedAnswer, parseJson } from "../provider-answer";
import type { ProviderHttpOutcome } from "../provider-http-client";

type Answered = Extract<ProviderHttpOutcome, { kind: "answered" }>;

/** SendGrid's error body: `{ errors: [{ message, field, help }] }`. */
function errorMessages(body: string): string | undefined {
  const parsed = parseJson(body) as { errors?: { message?: unknown; field?: unknown }[] } | undefined;
  if (!parsed || !Array.isArray(parsed.errors)) return undefined;
  const messages = parsed.errors
    .map((e) => (typeof e.message === "string" ? (typeof e.field === "string" ? `${e.field}: ${e.message}` : e.message) : undefined))
    .filter((m): m is string => m !== undefined);
  return messages.length ? messages.join("; ") : undefined;
}

/** SendGrid's rate limiter says when the window resets (epoch seconds) rather than Retry-After. */
function rateLimitResetMs(headers: Headers, now: number): number | undefined {
  const reset = Number(headers.get("x-ratelimit-reset"));
  return Number.isFinite(reset) && reset > 0 ? Math.max(reset * 1_000 - now, 0) : undefined;
}

/**
 * SendGrid has no error codes of its own, so the HTTP status is the code: 400 (invalid mail),
 * 401/403 (key), 413 (too large) are final; 429 and 5xx are worth another try.
 */
export function classifySendGridFailure(answer: Answered, now: number = Date.now()): SendResult {
  const reason = errorMessages(answer.body) ?? `SendGrid answered HTTP ${answer.status}`;
  const retryAfterMs = answer.headers.get("retry-after") ? undefined : rateLimitResetMs(answer.headers, now);
  return classifyFailedAnswer(answer, { code: `HTTP_${answer.status}`, reason, retryAfterMs });
}
