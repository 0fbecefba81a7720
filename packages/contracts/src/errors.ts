import { z } from "zod";

/** Stable error codes shared by services and the HTTP layer (which maps them to statuses). */
export const ErrorCode = z.enum([
  "VALIDATION_FAILED",
  "NOT_FOUND",
  "CONFLICT",
  "INVALID_STATE",
  "UNAUTHORIZED",
  "RATE_LIMITED",
  "PAYLOAD_TOO_LARGE",
  "IDEMPOTENCY_MISMATCH",
  "UPSTREAM_TIMEOUT",
  "UPSTREAM_UNAVAILABLE",
  "INTERNAL",
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const FieldIssue = z.object({ field: z.string(), message: z.string() });
export type FieldIssue = z.infer<typeof FieldIssue>;

/** RFC 9457 problem details, with the failing fields listed under `errors`. */
export const ProblemDetails = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  code: ErrorCode,
  errors: z.array(FieldIssue).optional(),
});
export type ProblemDetails = z.infer<typeof ProblemDetails>;

/** The error half of a request/reply answer. */
export const ServiceErrorBody = z.object({
  code: ErrorCode,
  message: z.string(),
  fields: z.array(FieldIssue).optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type ServiceErrorBody = z.infer<typeof ServiceErrorBody>;

/** Turns zod issues into `{ field, message }` pairs with dotted paths. */
export function fieldIssues(error: z.ZodError, prefix = ""): FieldIssue[] {
  return error.issues.flatMap((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join(".");
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ field: path ? `${path}.${key}` : key, message: "unknown field" }));
    }
    return [{ field: path || "(body)", message: issue.message }];
  });
}
