import { randomBytes } from "node:crypto";
import { headerValue, mediaType, startFakeHttpServer, type FakeDecision, type FakeIncomingRequest, type ProviderFake } from "./fake-http-server";

/** The form parameters of a Create Message request, as Twilio reads them. */
export interface TwilioMessageRequest {
  To: string;
  Body: string;
  From?: string;
  MessagingServiceSid?: string;
  StatusCallback?: string;
  /** Every parameter as sent, including ones the fake does not check. */
  params: Record<string, string>;
}

export interface TwilioFakeOptions {
  accountSid?: string;
  authToken?: string;
  /** Numbers that replied STOP: sending to them fails with 21610, as on the real API. */
  unsubscribed?: string[];
}

export type TwilioFake = ProviderFake<TwilioMessageRequest> & { accountSid: string; authToken: string };

const E164 = /^\+[1-9]\d{1,14}$/;
const ALPHANUMERIC_SENDER = /^(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}$/;
const MAX_BODY_CHARS = 1600;

const twilioError = (status: number, code: number, message: string) => ({ code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });
const refuse = (status: number, code: number, message: string, headers?: Record<string, string>): FakeDecision<TwilioMessageRequest> => ({
  answer: { status, body: twilioError(status, code, message), ...(headers ? { headers } : {}) },
});

/** Twilio's date format in resources: RFC 2822 with a numeric zone. */
const rfc2822 = (date: Date): string => date.toUTCString().replace("GMT", "+0000");

/** GSM-7 text fits 153 characters per concatenated segment; anything else is UCS-2 at 67. */
function segmentCount(body: string): number {
  // eslint-disable-next-line no-control-regex
  const gsm = /^[\x0A\x0D\x20-\x7E£¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ¡ÄÖÑÜ§¿äöñüà€]*$/.test(body);
  const [single, multi] = gsm ? [160, 153] : [70, 67];
  const length = [...body].length;
  return length <= single ? 1 : Math.ceil(length / multi);
}

function checkCredentials(request: FakeIncomingRequest, accountSid: string, authToken: string): FakeDecision<TwilioMessageRequest> | undefined {
  const authorization = headerValue(request.headers, "authorization") ?? "";
  const [scheme, encoded] = authorization.split(" ");
  const decoded = scheme === "Basic" && encoded ? Buffer.from(encoded, "base64").toString("utf8") : "";
  if (decoded !== `${accountSid}:${authToken}`) {
    return refuse(401, 20003, "Authenticate", { "www-authenticate": 'Basic realm="Twilio API"' });
  }
  return undefined;
}

function handleCreateMessage(request: FakeIncomingRequest, options: Required<TwilioFakeOptions>): FakeDecision<TwilioMessageRequest> {
  const { accountSid, authToken } = options;
  const match = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(request.path);
  const denied = checkCredentials(request, accountSid, authToken);
  if (denied) return denied;
  if (request.method !== "POST" || !match || match[1] !== accountSid) {
    return refuse(404, 20404, `The requested resource ${request.path} was not found`);
  }
  // Twilio reads parameters only from a form body; anything else arrives as no parameters at all.
  const params = mediaType(request.headers) === "application/x-www-form-urlencoded" ? Object.fromEntries(new URLSearchParams(request.rawBody)) : {};
  const { To: to, Body: body, From: from, MessagingServiceSid: service, StatusCallback: callback } = params;

  if (!to) return refuse(400, 21604, "A 'To' phone number is required.");
  if (!E164.test(to)) return refuse(400, 21211, `Invalid 'To' Phone Number: ${to}`);
  if (!body) return refuse(400, 21602, "Message body is required.");
  if ([...body].length > MAX_BODY_CHARS) return refuse(400, 21617, `The concatenated message body exceeds the ${MAX_BODY_CHARS} character limit.`);
  if (!from && !service) return refuse(400, 21603, "A 'From' phone number is required.");
  if (from && service) return refuse(400, 21603, "Provide either a 'From' phone number or a 'MessagingServiceSid', not both.");
  if (from && !E164.test(from) && !ALPHANUMERIC_SENDER.test(from)) return refuse(400, 21212, `Invalid From Number (caller ID): ${from}`);
  if (callback !== undefined && !/^https?:\/\/\S+$/.test(callback)) return refuse(400, 21609, `Invalid StatusCallback url: ${callback}`);
  if (options.unsubscribed.includes(to)) return refuse(400, 21610, "Attempt to send to unsubscribed recipient");

  const sid = `SM${randomBytes(16).toString("hex")}`;
  const now = rfc2822(new Date());
  const uri = `/2010-04-01/Accounts/${accountSid}/Messages/${sid}`;
  const resource = {
    account_sid: accountSid,
    api_version: "2010-04-01",
    body,
    date_created: now,
    date_sent: null,
    date_updated: now,
    direction: "outbound-api",
    error_code: null,
    error_message: null,
    from: from ?? null,
    messaging_service_sid: service ?? null,
    num_media: "0",
    num_segments: String(segmentCount(body)),
    price: null,
    price_unit: "USD",
    sid,
    // A message sent through a Messaging Service is "accepted" until a sender is chosen.
    status: service ? "accepted" : "queued",
    subresource_uris: { media: `${uri}/Media.json` },
    to,
    uri: `${uri}.json`,
  };
  const accepted: TwilioMessageRequest = {
    To: to,
    Body: body,
    ...(from ? { From: from } : {}),
    ...(service ? { MessagingServiceSid: service } : {}),
    ...(callback !== undefined ? { StatusCallback: callback } : {}),
    params,
  };
  return { accepted, answer: { status: 201, body: resource } };
}

/**
 * A local Twilio Programmable Messaging API (2010-04-01) that accepts Create Message only as the
 * real one would: HTTP Basic with the account's SID and token, a form body, E.164 `To`, a body of
 * at most 1600 characters and exactly one of `From` / `MessagingServiceSid`. Errors use Twilio's
 * `{ code, message, more_info, status }` body.
 */
export function startTwilioFake(options: TwilioFakeOptions = {}): Promise<TwilioFake> {
  const settings: Required<TwilioFakeOptions> = {
    accountSid: options.accountSid ?? `AC${"0".repeat(31)}1`,
    authToken: options.authToken ?? "test-auth-token",
    unsubscribed: options.unsubscribed ?? [],
  };
  return startFakeHttpServer<TwilioMessageRequest>({
    handle: (request) => handleCreateMessage(request, settings),
    errorBody: (status) =>
      status === 429
        ? twilioError(429, 20429, "Too Many Requests")
        : status >= 500
          ? twilioError(status, 20500, "Internal Server Error")
          : twilioError(status, 21211, "Invalid 'To' Phone Number"),
  }).then((fake) => Object.assign(fake, { accountSid: settings.accountSid, authToken: settings.authToken }));
}
