import { startGhlFake, type GhlFake } from "@mcb/testkit";
import type { OutboundMessage } from "../channel-provider";
import { GhlProvider } from "./ghl-provider";

const email: OutboundMessage = {
  deliveryId: "dlv_3",
  tenantId: "t1",
  campaignId: "camp_12345678",
  channel: "EMAIL",
  recipient: { contact_id: "c3", ghl_contact_id: "ghlC0ntact123", channels: ["EMAIL", "SMS"] },
  content: { channel: "EMAIL", subject: "Your home's value", text: "Hi\nthere", html: "<p>Hi there</p>" },
  unsubscribeUrl: "http://127.0.0.1:8080/api/v1/marketing/unsubscribe/dlv_3",
};
const sms: OutboundMessage = { ...email, channel: "SMS", content: { channel: "SMS", text: "Hi there" } };

let fake: GhlFake;
beforeAll(async () => {
  fake = await startGhlFake({ token: "pit-abc" });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const provider = (apiToken = "pit-abc") => new GhlProvider({ baseUrl: fake.url, apiToken });

test("sends an email to the GHL contact with the Version header, and returns the message id", async () => {
  const result = await provider().send(email);
  expect(result).toMatchObject({ kind: "sent", providerMessageId: expect.stringMatching(/^[A-Za-z0-9]{20}$/) });
  const sent = fake.requests[0]!;
  expect(sent.headers.version).toBe("2021-04-15");
  expect(sent.headers.authorization).toBe("Bearer pit-abc");
  expect(sent.body).toEqual({ type: "Email", contactId: "ghlC0ntact123", subject: "Your home's value", html: "<p>Hi there</p>", message: "Hi\nthere" });
});

test("sends an SMS as type SMS with the text as message", async () => {
  await provider().send(sms);
  expect(fake.requests[0]?.body).toEqual({ type: "SMS", contactId: "ghlC0ntact123", message: "Hi there" });
});

test("a text-only email gets an html part with its line breaks kept", async () => {
  await provider().send({ ...email, content: { channel: "EMAIL", subject: "S", text: "a < b\nc" } });
  expect(fake.requests[0]?.body.html).toBe("<p>a &#60; b<br>c</p>");
});

test("a wrong token is rejected with the status as code", async () => {
  expect(await provider("pit-wrong").send(email)).toMatchObject({ kind: "rejected", code: "HTTP_401", reason: "Invalid JWT" });
});

test("a 422 lists GHL's validation messages", async () => {
  fake.failNext(1, 422, { statusCode: 422, message: ["contactId must be a string"], error: "Unprocessable Entity" });
  expect(await provider().send(email)).toMatchObject({ kind: "rejected", code: "HTTP_422", reason: "contactId must be a string" });
});

test("429 with Retry-After is retryable after that delay", async () => {
  fake.failNext(1, 429, undefined, { "retry-after": "5" });
  expect(await provider().send(email)).toMatchObject({ kind: "retryable", code: "HTTP_429", retryAfterMs: 5_000 });
});

test("a recipient unknown to GHL is rejected without a request", async () => {
  expect(await provider().send({ ...email, recipient: { contact_id: "c3", channels: ["EMAIL"] } })).toMatchObject({ kind: "rejected", code: "NO_ADDRESS" });
  expect(fake.refused).toHaveLength(0);
});
