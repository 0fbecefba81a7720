import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One request as the fake received it, before any checking. */
export interface FakeIncomingRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: string;
}

/** What the fake answers. An object body is sent as JSON, a string as it is, undefined as empty. */
export interface FakeAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A request the fake accepted, with its body parsed the way the vendor parses it. */
export interface RecordedRequest<Body> {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Body;
  receivedAt: Date;
}

/** A request the fake turned away: failed the wire checks, or hit an injected failure. */
export interface RefusedRequest {
  path: string;
  status: number;
  body: unknown;
}

/** The handle every vendor fake returns. */
export interface ProviderFake<Body> {
  /** Base URL to put in the service's *_API_BASE_URL variable. */
  url: string;
  /** Requests that passed the wire checks and were answered with success, in arrival order. */
  requests: RecordedRequest<Body>[];
  /** Requests answered with an error, in arrival order. */
  refused: RefusedRequest[];
  /**
   * The next `count` requests are answered with `status` (and the vendor's error body for that
   * status unless `body` is given), whatever they contain.
   */
  failNext(count: number, status: number, body?: unknown, headers?: Record<string, string>): void;
  /** Forgets recorded requests and pending failures. */
  reset(): void;
  close(): Promise<void>;
}

/** The vendor-specific half of a fake: checks one request and decides the answer. */
export type FakeDecision<Body> = { accepted: Body; answer: FakeAnswer } | { answer: FakeAnswer };

export interface FakeVendor<Body> {
  handle(request: FakeIncomingRequest): FakeDecision<Body>;
  /** The vendor's error body for an injected failure with this status. */
  errorBody(status: number): unknown;
}

interface PendingFailure {
  remaining: number;
  answer: FakeAnswer;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function writeAnswer(response: ServerResponse, answer: FakeAnswer): void {
  const headers: Record<string, string> = { ...(answer.headers ?? {}) };
  let payload = "";
  if (typeof answer.body === "string") {
    payload = answer.body;
  } else if (answer.body !== undefined) {
    payload = JSON.stringify(answer.body);
    headers["content-type"] ??= "application/json";
  }
  response.writeHead(answer.status, headers);
  response.end(payload);
}

/** Starts a fake vendor API on 127.0.0.1 at a free port. */
export async function startFakeHttpServer<Body>(vendor: FakeVendor<Body>): Promise<ProviderFake<Body>> {
  const requests: RecordedRequest<Body>[] = [];
  const refused: RefusedRequest[] = [];
  const failures: PendingFailure[] = [];

  const decide = (incoming: FakeIncomingRequest): FakeDecision<Body> => {
    const failure = failures[0];
    if (failure) {
      failure.remaining -= 1;
      if (failure.remaining <= 0) failures.shift();
      return { answer: failure.answer };
    }
    return vendor.handle(incoming);
  };

  const server = createServer((request, response) => {
    void (async () => {
      const rawBody = await readBody(request);
      const url = new URL(request.url ?? "/", "http://fake.local");
      const incoming: FakeIncomingRequest = {
        method: request.method ?? "GET",
        path: url.pathname,
        query: url.searchParams,
        headers: request.headers,
        rawBody,
      };
      let decision: FakeDecision<Body>;
      try {
        decision = decide(incoming);
      } catch (error) {
        decision = { answer: { status: 500, body: { fake_error: error instanceof Error ? error.message : String(error) } } };
      }
      if ("accepted" in decision) {
        requests.push({ method: incoming.method, path: incoming.path, headers: incoming.headers, body: decision.accepted, receivedAt: new Date() });
      } else {
        refused.push({ path: incoming.path, status: decision.answer.status, body: decision.answer.body });
      }
      writeAnswer(response, decision.answer);
    })().catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    refused,
    failNext(count, status, body, headers) {
      if (count <= 0) return;
      failures.push({ remaining: count, answer: { status, body: body ?? vendor.errorBody(status), ...(headers ? { headers } : {}) } });
    },
    reset() {
      requests.length = 0;
      refused.length = 0;
      failures.length = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** The value of a header that may have been sent more than once. */
export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** The media type of a Content-Type header, without parameters such as charset. */
export function mediaType(headers: IncomingHttpHeaders): string {
  return (headerValue(headers, "content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

/** A plausible check for an email address, as strict as the vendors are in practice. */
export function isEmailAddress(value: unknown): value is string {
  return typeof value === "string" && /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/.test(value);
}
