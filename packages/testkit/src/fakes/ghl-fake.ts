import { randomBytes } from "node:crypto";
import { headerValue, mediaType, startFakeHttpServer, type FakeDecision, type FakeIncomingRequest, type ProviderFake } from "./fake-http-server";

/** The Send Message body of the LeadConnector Conversations API, as far as the fake checks it. */
export interface GhlSendMessageRequest {
  type: string;
  contactId: string;
  subject?: string;
  html?: string;
  message?: string;
  [field: string]: unknown;
}

export interface GhlFakeOptions {
  /** The access token the fake accepts as `Authorization: Bearer <token>`. */
  token?: string;
}

export type GhlFake = ProviderFake<GhlSendMessageRequest>;

/** The API version the Conversations endpoints are published under. */
export const GHL_CONVERSATIONS_VERSION = "2021-04-15";
const MESSAGE_TYPES = ["SMS", "Email", "WhatsApp", "GMB", "IG", "FB", "Custom", "Live_Chat"];

const statusText: Record<number, string> = { 400: "Bad Request", 401: "Unauthorized", 404: "Not Found", 422: "Unprocessable Entity", 429: "Too Many Requests", 500: "Internal Server Error" };
const refuse = (status: number, message: string | string[]): FakeDecision<GhlSendMessageRequest> => ({
  answer: { status, body: { statusCode: status, message, ...(Array.isArray(message) ? { error: statusText[status] ?? "Error" } : {}) } },
});

/** LeadConnector ids are 20 alphanumeric characters. */
function ghlId(): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  return [...randomBytes(20)].map((byte) => alphabet[byte % alphabet.length]).join("");
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** Field checks in the style of the API's validation pipe: every problem listed, 422. */
function validationProblems(body: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (typeof body.type !== "string" || !MESSAGE_TYPES.includes(body.type)) problems.push(`type must be one of the following values: ${MESSAGE_TYPES.join(", ")}`);
  if (typeof body.contactId !== "string") problems.push("contactId must be a string");
  else if (body.contactId.length === 0) problems.push("contactId should not be empty");
  for (const field of ["subject", "html", "message"] as const) {
    if (body[field] !== undefined && typeof body[field] !== "string") problems.push(`${field} must be a string`);
  }
  return problems;
}

function handleSendMessage(request: FakeIncomingRequest, token: string): FakeDecision<GhlSendMessageRequest> {
  if (request.method !== "POST" || request.path !== "/conversations/messages") {
    return { answer: { status: 404, body: { statusCode: 404, message: `Cannot ${request.method} ${request.path}`, error: "Not Found" } } };
  }
  const authorization = headerValue(request.headers, "authorization");
  if (!authorization?.startsWith("Bearer ")) return refuse(401, "Unauthorized");
  if (authorization !== `Bearer ${token}`) return refuse(401, "Invalid JWT");
  const version = headerValue(request.headers, "version");
  if (!version) return refuse(400, "Version header was not found");
  if (version !== GHL_CONVERSATIONS_VERSION) return refuse(400, `Version ${version} is not supported for this endpoint`);
  if (mediaType(request.headers) !== "application/json") return refuse(400, "Content-Type must be application/json");
  let body: unknown;
  try {
    body = JSON.parse(request.rawBody);
  } catch {
    return refuse(400, "Unexpected token in JSON body");
  }
  if (!isRecord(body)) return refuse(422, ["body must be an object"]);
  const problems = validationProblems(body);
  if (problems.length > 0) return refuse(422, problems);
  const hasText = (field: string) => typeof body[field] === "string" && (body[field] as string).length > 0;
  if (body.type === "Email" && !hasText("html") && !hasText("message")) return refuse(400, "There is no message or attachments for this message. Skip sending.");
  if (body.type === "SMS" && !hasText("message")) return refuse(400, "There is no message or attachments for this message. Skip sending.");

  const messageId = ghlId();
  return {
    accepted: body as GhlSendMessageRequest,
    answer: {
      status: 201,
      body: {
        conversationId: ghlId(),
        messageId,
        ...(body.type === "Email" ? { emailMessageId: messageId } : {}),
        msg: "Message queued successfully.",
      },
    },
  };
}

/**
 * A local LeadConnector (GoHighLevel) API serving POST /conversations/messages as the real one:
 * Bearer token and `Version: 2021-04-15` required, `type` and `contactId` validated, answered
 * 201 with `{ conversationId, messageId, msg }`, errors as `{ statusCode, message }`.
 */
export function startGhlFake(options: GhlFakeOptions = {}): Promise<GhlFake> {
  const token = options.token ?? "ghl-test-token";
  return startFakeHttpServer<GhlSendMessageRequest>({
    handle: (request) => handleSendMessage(request, token),
    errorBody: (status) => ({ statusCode: status, message: statusText[status] ?? "Error" }),
  });
}
