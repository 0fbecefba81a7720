import { startGhlFake, startSendGridFake, startTwilioFake, type GhlFake, type SendGridFake, type TwilioFake } from "../index";

const json = (body: unknown) => JSON.stringify(body);

describe("SendGrid fake", () => {
  let fake: SendGridFake;
  beforeAll(async () => {
    fake = await startSendGridFake({ apiKey: "SG.key" });
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());

  const mail = {
    personalizations: [{ to: [{ email: "ann@example.com" }], custom_args: { delivery_id: "d1" } }],
    from: { email: "agent@agency.com" },
    subject: "Hello",
    content: [
      { type: "text/plain", value: "Hi" },
      { type: "text/html", value: "<p>Hi</p>" },
    ],
  };
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${fake.url}/v3/mail/send`, { method: "POST", headers: { authorization: "Bearer SG.key", "content-type": "application/json", ...headers }, body: typeof body === "string" ? body : json(body) });

  test("accepts a valid mail with 202, an empty body and X-Message-Id, and records it", async () => {
    const response = await post(mail);
    expect(response.status).toBe(202);
    expect(await response.text()).toBe("");
    expect(response.headers.get("x-message-id")).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]?.body.personalizations[0]?.custom_args).toEqual({ delivery_id: "d1" });
  });

  test("refuses a wrong key with 401 and SendGrid's error body", async () => {
    const response = await post(mail, { authorization: "Bearer SG.other" });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ errors: [{ message: "The provided authorization grant is invalid, expired, or revoked", field: null, help: null }] });
    expect(fake.requests).toHaveLength(0);
  });

  test.each([
    ["text/html before text/plain", "content", { ...mail, content: [...mail.content].reverse() }],
    ["no personalizations", "personalizations", { ...mail, personalizations: [] }],
    ["an invalid recipient", "personalizations.0.to.0.email", { ...mail, personalizations: [{ to: [{ email: "not-an-address" }] }] }],
    ["no from", "from", { ...mail, from: undefined }],
    ["no subject", "subject", { ...mail, subject: undefined }],
    ["non-string custom_args", "personalizations.0.custom_args", { ...mail, personalizations: [{ to: [{ email: "a@b.co" }], custom_args: { step: 1 } }] }],
  ])("refuses a mail with %s (400, field %s)", async (_what, field, body) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    const { errors } = (await response.json()) as { errors: { field: string | null; message: string }[] };
    expect(errors.map((e) => e.field)).toContain(field);
  });

  test("refuses a non-JSON content type", async () => {
    const response = await post(json(mail), { "content-type": "text/plain" });
    expect(response.status).toBe(400);
  });

  test("failNext answers the next requests with the injected status and headers", async () => {
    fake.failNext(2, 429, undefined, { "retry-after": "7" });
    const first = await post(mail);
    const second = await post(mail);
    const third = await post(mail);
    expect([first.status, second.status, third.status]).toEqual([429, 429, 202]);
    expect(first.headers.get("retry-after")).toBe("7");
    expect(fake.requests).toHaveLength(1);
    expect(fake.refused).toHaveLength(2);
  });
});

describe("Twilio fake", () => {
  let fake: TwilioFake;
  beforeAll(async () => {
    fake = await startTwilioFake({ unsubscribed: ["+14155550199"] });
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());

  const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString("base64")}`;
  const post = (params: Record<string, string>, options: { auth?: string; contentType?: string; account?: string } = {}) =>
    fetch(`${fake.url}/2010-04-01/Accounts/${options.account ?? fake.accountSid}/Messages.json`, {
      method: "POST",
      headers: { authorization: options.auth ?? basic(fake.accountSid, fake.authToken), "content-type": options.contentType ?? "application/x-www-form-urlencoded" },
      body: options.contentType === "application/json" ? json(params) : new URLSearchParams(params).toString(),
    });
  const valid = { To: "+14155550100", From: "+14155550111", Body: "Hello" };

  test("accepts a valid message with 201 and a Message resource", async () => {
    const response = await post({ ...valid, StatusCallback: "https://example.com/cb" });
    expect(response.status).toBe(201);
    const resource = (await response.json()) as Record<string, unknown>;
    expect(resource.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(resource).toMatchObject({ status: "queued", to: valid.To, from: valid.From, body: "Hello", account_sid: fake.accountSid, num_segments: "1", api_version: "2010-04-01" });
    expect(fake.requests[0]?.body).toMatchObject({ To: valid.To, Body: "Hello", StatusCallback: "https://example.com/cb" });
  });

  test("a Messaging Service send starts out accepted", async () => {
    const response = await post({ To: valid.To, Body: "Hi", MessagingServiceSid: `MG${"a".repeat(32)}` });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ status: "accepted", from: null });
  });

  test.each([
    ["wrong credentials", valid, { auth: basic("ACnope", "bad") }, 401, 20003],
    ["another account's path", valid, { account: `AC${"f".repeat(32)}` }, 404, 20404],
    ["a JSON body", valid, { contentType: "application/json" }, 400, 21604],
    ["a To not in E.164", { ...valid, To: "415-555-0100" }, {}, 400, 21211],
    ["an empty Body", { ...valid, Body: "" }, {}, 400, 21602],
    ["a Body over 1600 characters", { ...valid, Body: "x".repeat(1601) }, {}, 400, 21617],
    ["neither From nor MessagingServiceSid", { To: valid.To, Body: "Hi" }, {}, 400, 21603],
    ["both From and MessagingServiceSid", { ...valid, MessagingServiceSid: `MG${"a".repeat(32)}` }, {}, 400, 21603],
    ["an unsubscribed recipient", { ...valid, To: "+14155550199" }, {}, 400, 21610],
  ])("refuses %s", async (_what, params, options, status, code) => {
    const response = await post(params, options);
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ code, status, more_info: `https://www.twilio.com/docs/errors/${code}` });
    expect(fake.requests).toHaveLength(0);
  });
});

describe("GHL fake", () => {
  let fake: GhlFake;
  beforeAll(async () => {
    fake = await startGhlFake({ token: "pit-token" });
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${fake.url}/conversations/messages`, {
      method: "POST",
      headers: { authorization: "Bearer pit-token", version: "2021-04-15", "content-type": "application/json", ...headers },
      body: json(body),
    });

  test("accepts an SMS with 201 and the conversation and message ids", async () => {
    const response = await post({ type: "SMS", contactId: "c_123", message: "Hi" });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ conversationId: expect.stringMatching(/^[A-Za-z0-9]{20}$/), messageId: expect.stringMatching(/^[A-Za-z0-9]{20}$/) });
    expect(fake.requests[0]?.body).toEqual({ type: "SMS", contactId: "c_123", message: "Hi" });
  });

  test.each([
    ["a wrong token", { type: "SMS", contactId: "c", message: "x" }, { authorization: "Bearer nope" }, 401],
    ["no Version header", { type: "SMS", contactId: "c", message: "x" }, { version: "" }, 400],
    ["an unknown type", { type: "Fax", contactId: "c", message: "x" }, {}, 422],
    ["no contactId", { type: "Email", html: "<p>x</p>" }, {}, 422],
    ["an email with no content", { type: "Email", contactId: "c", subject: "s" }, {}, 400],
  ])("refuses %s", async (_what, body, headers, status) => {
    const response = await post(body, headers);
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ statusCode: status });
    expect(fake.requests).toHaveLength(0);
  });
});
