import { startSendGridFake, type SendGridFake } from "@mcb/testkit";
import type { OutboundMessage } from "../channel-provider";
import { parseSender } from "./sendgrid-mapper";
import { SendGridProvider } from "./sendgrid-provider";

const message: OutboundMessage = {
  deliveryId: "dlv_1",
  tenantId: "t1",
  campaignId: "camp_12345678",
  channel: "EMAIL",
  recipient: { contact_id: "c1", first_name: "Ann", last_name: "Lee", email: "ann@example.com", channels: ["EMAIL"] },
  content: { channel: "EMAIL", subject: "New listing in Austin", html: "<p>Hi Ann</p>", text: "Hi Ann" },
  unsubscribeUrl: "http://127.0.0.1:8080/api/v1/marketing/unsubscribe/dlv_1",
};

let fake: SendGridFake;
beforeAll(async () => {
  fake = await startSendGridFake({ apiKey: "SG.live-key" });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const provider = (apiKey = "SG.live-key") => new SendGridProvider({ baseUrl: fake.url, apiKey, from: { email: "agent@agency.com", name: "Jane Agent" } });

test("sends v3 mail the fake accepts, and returns the X-Message-Id", async () => {
  const result = await provider().send(message);
  expect(result).toMatchObject({ kind: "sent", providerMessageId: expect.any(String), exchange: { httpStatus: 202 } });
  expect(fake.requests).toHaveLength(1);
  const sent = fake.requests[0]!;
  expect(sent.headers.authorization).toBe("Bearer SG.live-key");
  expect(sent.body).toMatchObject({
    personalizations: [{ to: [{ email: "ann@example.com", name: "Ann Lee" }], custom_args: { delivery_id: "dlv_1", campaign_id: "camp_12345678", tenant_id: "t1" } }],
    from: { email: "agent@agency.com", name: "Jane Agent" },
    subject: "New listing in Austin",
    content: [
      { type: "text/plain", value: "Hi Ann" },
      { type: "text/html", value: "<p>Hi Ann</p>" },
    ],
    headers: { "List-Unsubscribe": `<${message.unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  });
});

test("a text-only email is sent with text/plain alone", async () => {
  await provider().send({ ...message, content: { channel: "EMAIL", subject: "Hi", text: "Plain" } });
  expect(fake.requests[0]?.body.content).toEqual([{ type: "text/plain", value: "Plain" }]);
});

test("a wrong key is rejected with the status as code and SendGrid's message", async () => {
  const result = await provider("SG.revoked").send(message);
  expect(result).toMatchObject({ kind: "rejected", code: "HTTP_401", reason: expect.stringContaining("authorization grant is invalid") });
  expect(fake.requests).toHaveLength(0);
});

test("an address SendGrid refuses is rejected with the field named", async () => {
  const result = await provider().send({ ...message, recipient: { ...message.recipient, email: "ann at example" } });
  expect(result).toMatchObject({ kind: "rejected", code: "HTTP_400", reason: expect.stringContaining("personalizations.0.to.0.email") });
});

test("429 with Retry-After is retryable after that delay", async () => {
  fake.failNext(1, 429, undefined, { "retry-after": "30" });
  expect(await provider().send(message)).toMatchObject({ kind: "retryable", code: "HTTP_429", retryAfterMs: 30_000 });
});

test("429 with SendGrid's X-RateLimit-Reset waits until the reset", async () => {
  const reset = Math.floor(Date.now() / 1000) + 20;
  fake.failNext(1, 429, undefined, { "x-ratelimit-reset": String(reset) });
  const result = await provider().send(message);
  expect(result.kind).toBe("retryable");
  expect(result.kind === "retryable" && result.retryAfterMs).toBeGreaterThan(15_000);
});

test("502 and 504 from a proxy are unknown outcomes, never resent", async () => {
  for (const status of [502, 504]) {
    fake.failNext(1, status);
    expect(await provider().send(message)).toMatchObject({ kind: "unknown", exchange: { httpStatus: status } });
  }
});

test("a recipient name with a comma or semicolon is cleaned: SendGrid would take it and then drop the mail", async () => {
  const named = { ...message, recipient: { ...message.recipient, first_name: "John", last_name: "Smith, Jr.; III" } };
  expect(await provider().send(named)).toMatchObject({ kind: "sent" });
  expect(fake.requests.at(-1)?.body.personalizations[0]?.to[0]?.name).toBe("John Smith Jr. III");
});

test("500 is retryable", async () => {
  fake.failNext(1, 500);
  expect(await provider().send(message)).toMatchObject({ kind: "retryable", code: "HTTP_500", exchange: { httpStatus: 500 } });
});

test("a recipient without an email is rejected without a request", async () => {
  const result = await provider().send({ ...message, recipient: { contact_id: "c1", channels: ["EMAIL"] } });
  expect(result).toMatchObject({ kind: "rejected", code: "NO_ADDRESS" });
  expect(fake.requests).toHaveLength(0);
  expect(fake.refused).toHaveLength(0);
});

test("settings are validated before the first call", () => {
  expect(() => new SendGridProvider({ baseUrl: "not a url", apiKey: "", from: { email: "nope" } })).toThrow(
    expect.objectContaining({ name: "ProviderConfigError", code: "PROVIDER_CONFIG_INVALID" }),
  );
});

test("EMAIL_FROM may carry a display name", () => {
  expect(parseSender("Jane Agent <jane@agency.com>")).toEqual({ email: "jane@agency.com", name: "Jane Agent" });
  expect(parseSender("jane@agency.com")).toEqual({ email: "jane@agency.com" });
});
