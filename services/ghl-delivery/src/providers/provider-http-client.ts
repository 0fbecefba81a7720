/** How a provider adapter reaches its vendor: Node's fetch unless a test supplies another. */
export interface ProviderHttpOptions {
  fetch?: typeof fetch;
  /** Give up waiting for an answer after this long. */
  timeoutMs?: number;
}

export interface ProviderHttpRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * What came of one POST. The two failure kinds matter for exactly-once delivery: `not_sent`
 * means the connection was never made, so the vendor cannot have the message; `no_answer`
 * means it may have it.
 */
export type ProviderHttpOutcome =
  | { kind: "answered"; status: number; headers: Headers; body: string }
  | { kind: "not_sent"; code: string; reason: string }
  | { kind: "no_answer"; code: string; reason: string };

export const DEFAULT_PROVIDER_TIMEOUT_MS = 15_000;

/** Error codes (Node and undici) raised before a single byte of the request left this host. */
const NOT_SENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
  "CERT_HAS_EXPIRED",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "ERR_TLS_CERT_ALTNAME_INVALID",
]);

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  cause?: unknown;
  errors?: unknown;
}

// Duck-typed rather than instanceof: fetch's errors may come from another realm (vm contexts).
const asErrorLike = (value: unknown): ErrorLike | undefined => (typeof value === "object" && value !== null ? (value as ErrorLike) : undefined);

/** Finds the system error code under fetch's "fetch failed" (possibly inside an AggregateError). */
function errorCode(error: unknown): string | undefined {
  let current = asErrorLike(error);
  for (let depth = 0; depth < 5 && current; depth++) {
    if (typeof current.code === "string") return current.code;
    current = Array.isArray(current.errors) && current.errors.length > 0 ? asErrorLike(current.errors[0]) : asErrorLike(current.cause);
  }
  return undefined;
}

function describe(error: unknown): string {
  const outer = asErrorLike(error);
  if (!outer || typeof outer.message !== "string") return String(error);
  const inner = asErrorLike(outer.cause);
  return inner && typeof inner.message === "string" && inner.message ? `${outer.message}: ${inner.message}` : outer.message;
}

/** POSTs one request to a vendor and reports what happened; never throws. */
export async function postToProvider(request: ProviderHttpRequest, options: ProviderHttpOptions = {}): Promise<ProviderHttpOutcome> {
  const fetchImpl = options.fetch ?? fetch;
  const signal = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_PROVIDER_TIMEOUT_MS);
  let response: Response;
  try {
    response = await fetchImpl(request.url, { method: "POST", headers: request.headers, body: request.body, signal, redirect: "manual" });
  } catch (error) {
    if (asErrorLike(error)?.name === "TimeoutError") {
      return { kind: "no_answer", code: "PROVIDER_TIMEOUT", reason: `no answer within ${options.timeoutMs ?? DEFAULT_PROVIDER_TIMEOUT_MS} ms` };
    }
    const code = errorCode(error);
    if (code && NOT_SENT_CODES.has(code)) return { kind: "not_sent", code: `NETWORK_${code}`, reason: describe(error) };
    return { kind: "no_answer", code: code ? `NETWORK_${code}` : "NETWORK_ERROR", reason: describe(error) };
  }
  // The status line is the vendor's answer; a body lost after it does not change the outcome.
  const body = await response.text().catch(() => "");
  return { kind: "answered", status: response.status, headers: response.headers, body };
}

/** Appends an API path to a base URL, keeping any path prefix the base has (e.g. a proxy). */
export function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, "")}${path}`;
}

export const isSuccessStatus = (status: number): boolean => status >= 200 && status < 300;
