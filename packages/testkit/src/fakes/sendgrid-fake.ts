import { randomBytes } from "node:crypto";
import { headerValue, isEmailAddress, mediaType, startFakeHttpServer, type FakeDecision, type FakeIncomingRequest, type ProviderFake } from "./fake-http-server";

/** The part of a v3 mail/send body the fake understands; the rest is kept as sent. */
export interface SendGridMailRequest {
  personalizations: {
    to: { email: string; name?: string }[];
    subject?: string;
    custom_args?: Record<string, string>;
    headers?: Record<string, string>;
  }[];
  from: { email: string; name?: string };
  subject?: string;
  content?: { type: string; value: string }[];
  headers?: Record<string, string>;
  custom_args?: Record<string, string>;
  template_id?: string;
  [field: string]: unknown;
}

export interface SendGridFakeOptions {
  /** The API key the fake accepts as `Authorization: Bearer <key>`. */
  apiKey?: string;
}

export type SendGridFake = ProviderFake<SendGridMailRequest>;

interface SendGridError {
  message: string;
  field: string | null;
  help: string | null;
}

const HELP = "http://sendgrid.com/docs/API_Reference/Web_API_v3/Mail/errors.html";
const MAX_PERSONALIZATIONS = 1000;

const refuse = (status: number, errors: SendGridError[]): FakeDecision<SendGridMailRequest> => ({ answer: { status, body: { errors } } });
const fieldError = (field: string | null, message: string, anchor?: string): SendGridError => ({ message, field, help: anchor ? `${HELP}#message.${anchor}` : null });

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const isStringMap = (value: unknown): boolean => isRecord(value) && Object.values(value).every((v) => typeof v === "string");

/** Real message ids are opaque 22-character base64url strings. */
const messageId = (): string => randomBytes(16).toString("base64url").slice(0, 22);

function checkPersonalizations(body: Record<string, unknown>, errors: SendGridError[]): void {
  const list = body.personalizations;
  if (!Array.isArray(list) || list.length === 0 || list.length > MAX_PERSONALIZATIONS) {
    errors.push(fieldError("personalizations", "The personalizations field is required and must have at least one personalization.", "personalizations"));
    return;
  }
  list.forEach((personalization: unknown, i) => {
    const at = `personalizations.${i}`;
    if (!isRecord(personalization)) {
      errors.push(fieldError(at, "Invalid type. Expected: object.", "personalizations"));
      return;
    }
    const to = personalization.to;
    if (!Array.isArray(to) || to.length === 0) {
      errors.push(fieldError(`${at}.to`, "The to array is required for all personalization objects, and must have at least one email object with a valid email address.", "personalizations.to"));
    } else {
      to.forEach((recipient: unknown, j) => {
        if (!isRecord(recipient) || !isEmailAddress(recipient.email)) errors.push(fieldError(`${at}.to.${j}.email`, "Does not contain a valid address.", "personalizations.to"));
        // The real API takes such a name and silently drops the message; the fake refuses it so a test notices.
        else if (typeof recipient.name === "string" && /[,;]/.test(recipient.name)) errors.push(fieldError(`${at}.to.${j}.name`, "The to.name cannot contain ';' or ','.", "personalizations.to"));
      });
    }
    if (personalization.custom_args !== undefined && !isStringMap(personalization.custom_args)) {
      errors.push(fieldError(`${at}.custom_args`, "Invalid type. Expected: string, given: non-string value. custom_args values must be strings.", "personalizations.custom_args"));
    }
    if (personalization.headers !== undefined && !isStringMap(personalization.headers)) {
      errors.push(fieldError(`${at}.headers`, "Invalid type. Expected: string. Header values must be strings.", "personalizations.headers"));
    }
  });
}

function checkSenderAndSubject(body: Record<string, unknown>, errors: SendGridError[]): void {
  if (!isRecord(body.from) || body.from.email === undefined) {
    errors.push(fieldError("from", "The from object must be provided for every email send. It is an object that requires the email parameter, but may also contain a name parameter.", "from"));
  } else if (!isEmailAddress(body.from.email)) {
    errors.push(fieldError("from.email", "The from email does not contain a valid address.", "from"));
  }
  const personalizations = Array.isArray(body.personalizations) ? (body.personalizations as unknown[]) : [];
  const everyPersonalizationHasSubject = personalizations.length > 0 && personalizations.every((p) => isRecord(p) && typeof p.subject === "string" && p.subject.length > 0);
  const hasSubject = typeof body.subject === "string" && body.subject.length > 0;
  if (!hasSubject && !everyPersonalizationHasSubject && body.template_id === undefined) {
    errors.push(fieldError("subject", "The subject is required. You can get around this requirement if you use a template with a subject defined or if every personalization has a subject defined.", "subject"));
  }
}

function checkContent(body: Record<string, unknown>, errors: SendGridError[]): void {
  const content = body.content;
  if (content === undefined && body.template_id !== undefined) return;
  if (!Array.isArray(content) || content.length === 0) {
    errors.push(fieldError("content", "Unless a valid template_id is provided, the content parameter is required. There must be at least one defined content block. We typically suggest both text/plain and text/html blocks are included, but only one block is required.", "content"));
    return;
  }
  const types: string[] = [];
  content.forEach((block: unknown, i) => {
    if (!isRecord(block) || typeof block.type !== "string" || block.type.length === 0) {
      errors.push(fieldError(`content.${i}.type`, "The content type cannot contain ';', or CRLF characters, and must be at least one character long.", "content.type"));
      return;
    }
    types.push(block.type);
    if (typeof block.value !== "string" || block.value.length === 0) {
      errors.push(fieldError(`content.${i}.value`, "The content value must be a string at least one character in length.", "content.value"));
    }
  });
  const plain = types.indexOf("text/plain");
  const html = types.indexOf("text/html");
  // text/plain, when present, comes first; text/html comes right after it (or first without it).
  const misordered = plain > 0 || (html >= 0 && html !== (plain === 0 ? 1 : 0));
  if (misordered) {
    errors.push(fieldError("content", "If present, text/plain must be first, followed by text/html, followed by any other content.", "content"));
  }
}

function handleMailSend(request: FakeIncomingRequest, apiKey: string): FakeDecision<SendGridMailRequest> {
  if (request.method !== "POST" || request.path !== "/v3/mail/send") {
    return refuse(404, [fieldError(null, "resource not found")]);
  }
  const authorization = headerValue(request.headers, "authorization");
  if (!authorization) return refuse(401, [fieldError(null, "authorization required")]);
  if (authorization !== `Bearer ${apiKey}`) {
    return refuse(401, [fieldError(null, "The provided authorization grant is invalid, expired, or revoked")]);
  }
  if (mediaType(request.headers) !== "application/json") {
    return refuse(400, [fieldError(null, "Content-Type should be application/json.")]);
  }
  let body: unknown;
  try {
    body = JSON.parse(request.rawBody);
  } catch {
    return refuse(400, [fieldError(null, "Bad Request", "body")]);
  }
  if (!isRecord(body)) return refuse(400, [fieldError(null, "Bad Request", "body")]);

  const errors: SendGridError[] = [];
  checkPersonalizations(body, errors);
  checkSenderAndSubject(body, errors);
  checkContent(body, errors);
  if (body.headers !== undefined && !isStringMap(body.headers)) errors.push(fieldError("headers", "Invalid type. Expected: string. Header values must be strings.", "headers"));
  if (body.custom_args !== undefined && !isStringMap(body.custom_args)) errors.push(fieldError("custom_args", "Invalid type. custom_args values must be strings.", "custom_args"));
  if (errors.length > 0) return refuse(400, errors);

  return { accepted: body as SendGridMailRequest, answer: { status: 202, headers: { "x-message-id": messageId() } } };
}

/**
 * A local SendGrid v3 API that accepts POST /v3/mail/send only when it is what the real API
 * would accept, and answers like it: 202 with an empty body and X-Message-Id, or the
 * `{ errors: [{ message, field, help }] }` body with 400/401.
 */
export function startSendGridFake(options: SendGridFakeOptions = {}): Promise<SendGridFake> {
  const apiKey = options.apiKey ?? "SG.test-key";
  return startFakeHttpServer<SendGridMailRequest>({
    handle: (request) => handleMailSend(request, apiKey),
    errorBody: (status) => ({
      errors: [fieldError(null, status === 429 ? "too many requests" : status >= 500 ? "internal server error" : "bad request")],
    }),
  });
}
