import type { ProviderExchange, SendResult } from "./channel-provider";
import type { ProviderHttpOutcome } from "./provider-http-client";

type Answered = Extract<ProviderHttpOutcome, { kind: "answered" }>;

const BODY_EXCERPT_CHARS = 2_000;
/** Never park a message longer than this on a vendor's say-so. */
const MAX_RETRY_AFTER_MS = 60 * 60_000;

export function exchangeOf(answer: Answered): ProviderExchange {
  return { httpStatus: answer.status, body: answer.body.slice(0, BODY_EXCERPT_CHARS) };
}

/** Reads Retry-After in either of its forms: delay-seconds or an HTTP date. */
export function retryAfterMs(headers: Headers, now: number = Date.now()): number | undefined {
  const value = headers.get("retry-after")?.trim();
  if (!value) return undefined;
  const ms = /^\d+$/.test(value) ? Number(value) * 1_000 : Date.parse(value) - now;
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS) : undefined;
}

/** Whether another try can succeed: rate limits and server-side failures pass, other 4xx do not. */
export const isRetryableStatus = (status: number): boolean => status === 429 || status === 408 || status >= 500;

/**
 * 502 and 504 come from a proxy in front of the vendor: the request may have reached the vendor
 * before the proxy gave up, so sending again could deliver twice.
 */
const proxyGaveUp = (status: number): boolean => status === 502 || status === 504;

/**
 * The common classification of a non-success answer; each vendor supplies its own error code,
 * message and, where it has one, its own rate-limit header.
 */
export function classifyFailedAnswer(answer: Answered, failure: { code: string; reason: string; retryAfterMs?: number | undefined }): SendResult {
  const exchange = exchangeOf(answer);
  if (proxyGaveUp(answer.status)) return { kind: "unknown", code: failure.code, reason: `${failure.reason} (a proxy gave up; the vendor may have the message)`, exchange };
  if (isRetryableStatus(answer.status)) {
    const delay = failure.retryAfterMs ?? retryAfterMs(answer.headers);
    return { kind: "retryable", code: failure.code, reason: failure.reason, ...(delay !== undefined ? { retryAfterMs: delay } : {}), exchange };
  }
  return { kind: "rejected", code: failure.code, reason: failure.reason, exchange };
}

/** A send that got no HTTP answer: retryable only when the request provably never left. */
export function classifyTransportFailure(outcome: Exclude<ProviderHttpOutcome, Answered>): SendResult {
  const exchange: ProviderExchange = { httpStatus: null, body: outcome.reason.slice(0, BODY_EXCERPT_CHARS) };
  return outcome.kind === "not_sent"
    ? { kind: "retryable", code: outcome.code, reason: outcome.reason, exchange }
    : { kind: "unknown", code: outcome.code, reason: outcome.reason, exchange };
}

/** Parses a JSON body, or undefined when it is not JSON. */
export function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}
