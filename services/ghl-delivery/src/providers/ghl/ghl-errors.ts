import type { SendResult } from "../channel-provider";
import { classifyFailedAnswer, parseJson } from "../provider-answer";
import type { ProviderHttpOutcome } from "../provider-http-client";

type Answered = Extract<ProviderHttpOutcome, { kind: "answered" }>;

/** LeadConnector errors: `{ statusCode, message }`, message a list for validation failures. */
interface GhlErrorBody {
  message?: unknown;
  error?: unknown;
}

/** GHL has no error codes beyond the status, so the status is the code. */
export function classifyGhlFailure(answer: Answered): SendResult {
  const body = (parseJson(answer.body) ?? {}) as GhlErrorBody;
  const message = Array.isArray(body.message) ? body.message.filter((m) => typeof m === "string").join("; ") : body.message;
  const reason = typeof message === "string" && message ? message : typeof body.error === "string" ? body.error : `GHL answered HTTP ${answer.status}`;
  return classifyFailedAnswer(answer, { code: `HTTP_${answer.status}`, reason });
}
