import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { classifyTransportFailure, retryAfterMs } from "./provider-answer";
import { joinUrl, postToProvider } from "./provider-http-client";

const listen = async (server: Server): Promise<string> => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};
const close = (server: Server) => new Promise<void>((resolve) => {
  server.closeAllConnections();
  server.close(() => resolve());
});

test("a refused connection never reached the vendor, so it is retryable", async () => {
  const server = createServer();
  const url = await listen(server);
  await close(server);
  const outcome = await postToProvider({ url, headers: {}, body: "{}" });
  expect(outcome).toMatchObject({ kind: "not_sent", code: "NETWORK_ECONNREFUSED" });
  expect(outcome.kind !== "answered" && classifyTransportFailure(outcome)).toMatchObject({ kind: "retryable", code: "NETWORK_ECONNREFUSED" });
});

test("no answer within the timeout may have been delivered, so the outcome is unknown", async () => {
  const server = createServer(() => undefined); // reads the request, never answers
  const url = await listen(server);
  try {
    const outcome = await postToProvider({ url, headers: {}, body: "{}" }, { timeoutMs: 200 });
    expect(outcome).toMatchObject({ kind: "no_answer", code: "PROVIDER_TIMEOUT" });
    expect(outcome.kind !== "answered" && classifyTransportFailure(outcome)).toMatchObject({ kind: "unknown", code: "PROVIDER_TIMEOUT" });
  } finally {
    await close(server);
  }
});

test("a connection dropped after the request was sent is an unknown outcome", async () => {
  const server = createServer((request) => request.socket.destroy());
  const url = await listen(server);
  try {
    const outcome = await postToProvider({ url, headers: {}, body: "{}" });
    expect(outcome.kind).toBe("no_answer");
  } finally {
    await close(server);
  }
});

test("Retry-After is read as seconds or as an HTTP date, and capped", () => {
  const now = Date.parse("2025-01-01T00:00:00Z");
  expect(retryAfterMs(new Headers({ "retry-after": "12" }), now)).toBe(12_000);
  expect(retryAfterMs(new Headers({ "retry-after": "Wed, 01 Jan 2025 00:01:00 GMT" }), now)).toBe(60_000);
  expect(retryAfterMs(new Headers({ "retry-after": "999999" }), now)).toBe(3_600_000);
  expect(retryAfterMs(new Headers({ "retry-after": "soon" }), now)).toBeUndefined();
  expect(retryAfterMs(new Headers(), now)).toBeUndefined();
});

test("joinUrl keeps a base path and drops a trailing slash", () => {
  expect(joinUrl("https://proxy.local/sendgrid/", "/v3/mail/send")).toBe("https://proxy.local/sendgrid/v3/mail/send");
  expect(joinUrl("https://api.twilio.com", "/2010-04-01")).toBe("https://api.twilio.com/2010-04-01");
});
