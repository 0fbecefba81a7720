import { startTwilioFake, type TwilioFake } from "@mcb/testkit";
import type { OutboundMessage } from "../channel-provider";
import { TwilioProvider, type TwilioConfig } from "./twilio-provider";

const ACCOUNT = `AC${"1".repeat(32)}`;
const SERVICE = `MG${"2".repeat(32)}`;
const CALLBACK = "http://127.0.0.1:8080/api/v1/marketing/webhooks/twilio";

const message: OutboundMessage = {
  deliveryId: "dlv_2",
  tenantId: "t1",
  campaignId: "camp_12345678",
  channel: "SMS",
  recipient: { contact_id: "c2", phone: "+14155550100", channels: ["SMS"] },
  content: { channel: "SMS", text: "Open house Saturday 1-4pm. Reply STOP to opt out." },
  unsubscribeUrl: "http://127.0.0.1:8080/api/v1/marketing/unsubscribe/dlv_2",
};

let fake: TwilioFake;
beforeAll(async () => {
  fake = await startTwilioFake({ accountSid: ACCOUNT, authToken: "secret", unsubscribed: ["+14155550199"] });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const provider = (overrides: Partial<TwilioConfig> = {}) =>
  new TwilioProvider({ baseUrl: fake.url, accountSid: ACCOUNT, authToken: "secret", fromNumber: "+14155550111", statusCallbackUrl: CALLBACK, ...overrides });

test("sends a form-encoded Create Message the fake accepts, and returns the message SID", async () => {
  const result = await provider().send(message);
  expect(result).toMatchObject({ kind: "sent", providerMessageId: expect.stringMatching(/^SM[0-9a-f]{32}$/), exchange: { httpStatus: 201 } });
  expect(fake.requests).toHaveLength(1);
  expect(fake.requests[0]?.body).toEqual({
    To: "+14155550100",
    From: "+14155550111",
    Body: message.content.text,
    StatusCallback: CALLBACK,
    params: { To: "+14155550100", From: "+14155550111", Body: message.content.text, StatusCallback: CALLBACK },
  });
});

test("a Messaging Service, when configured, is the sender instead of the number", async () => {
  await provider({ messagingServiceSid: SERVICE }).send(message);
  expect(fake.requests[0]?.body).toMatchObject({ MessagingServiceSid: SERVICE });
  expect(fake.requests[0]?.body.From).toBeUndefined();
});

test("a recipient who replied STOP is rejected with Twilio's code 21610", async () => {
  const result = await provider().send({ ...message, recipient: { ...message.recipient, phone: "+14155550199" } });
  expect(result).toMatchObject({ kind: "rejected", code: "21610", reason: "Attempt to send to unsubscribed recipient", exchange: { httpStatus: 400 } });
});

test("a number not in E.164 is rejected with 21211", async () => {
  const result = await provider().send({ ...message, recipient: { ...message.recipient, phone: "(415) 555-0100" } });
  expect(result).toMatchObject({ kind: "rejected", code: "21211" });
});

test("a wrong token is rejected with 20003", async () => {
  expect(await provider({ authToken: "wrong" }).send(message)).toMatchObject({ kind: "rejected", code: "20003", reason: "Authenticate" });
});

test("429 with Retry-After is retryable after that delay", async () => {
  fake.failNext(1, 429, undefined, { "retry-after": "2" });
  expect(await provider().send(message)).toMatchObject({ kind: "retryable", code: "20429", retryAfterMs: 2_000 });
});

test("503 is retryable", async () => {
  fake.failNext(1, 503);
  expect(await provider().send(message)).toMatchObject({ kind: "retryable", code: "20500" });
});

test("settings without a sender are refused before the first call", () => {
  expect(() => new TwilioProvider({ baseUrl: fake.url, accountSid: ACCOUNT, authToken: "secret", statusCallbackUrl: CALLBACK })).toThrow(
    expect.objectContaining({ code: "PROVIDER_CONFIG_INVALID" }),
  );
});
