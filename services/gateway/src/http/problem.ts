import type { Response } from "express";
import type { ErrorCode, FieldIssue, ProblemDetails } from "@mcb/contracts";

/** The one place error codes become HTTP statuses. */
export const statusForCode: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 422,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_STATE: 409,
  UNAUTHORIZED: 401,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  IDEMPOTENCY_MISMATCH: 422,
  UPSTREAM_TIMEOUT: 504,
  UPSTREAM_UNAVAILABLE: 503,
  INTERNAL: 500,
};

export const problemTitles: Record<ErrorCode, string> = {
  VALIDATION_FAILED: "Your request has invalid fields",
  NOT_FOUND: "Not found",
  CONFLICT: "Conflict",
  INVALID_STATE: "Not allowed in the current state",
  UNAUTHORIZED: "Missing or invalid API token",
  RATE_LIMITED: "Too many requests",
  PAYLOAD_TOO_LARGE: "Request body too large",
  IDEMPOTENCY_MISMATCH: "Idempotency-Key reused with a different request",
  UPSTREAM_TIMEOUT: "A service did not answer in time",
  UPSTREAM_UNAVAILABLE: "A service is unavailable",
  INTERNAL: "Internal error",
};

export const problemType = (code: ErrorCode) => `/api/v1/marketing/docs#problem-${code.toLowerCase().replace(/_/g, "-")}`;

export function problem(code: ErrorCode, detail: string, options: { instance?: string; errors?: FieldIssue[]; extensions?: Record<string, unknown> } = {}): ProblemDetails {
  return {
    // Relative to the API: each type resolves to its entry on the docs page.
    type: problemType(code),
    title: problemTitles[code],
    status: statusForCode[code],
    detail,
    code,
    ...(options.instance ? { instance: options.instance } : {}),
    ...(options.errors?.length ? { errors: options.errors } : {}),
    // RFC 9457 extension members, e.g. current_status on an illegal lifecycle move.
    ...(options.extensions ?? {}),
  };
}

export function sendProblem(res: Response, body: ProblemDetails): void {
  res.status(body.status).type("application/problem+json").send(JSON.stringify(body));
}
