import { readFileSync } from "node:fs";
import path from "node:path";
import { headers } from "@nats-io/transport-node";
import { CampaignGenerationResponse, ContactsUpsertResponse, MarketingCampaign, SeedCampaignGenerationResponse } from "@mcb/contracts";
import { connectBus, listDeadLetters, publishEvent, type Bus } from "@mcb/bus";
import { createLogger } from "@mcb/telemetry";
import {
  createTestEnv,
  createToken,
  runCli,
  startSendGridFake,
  startServices,
  startTwilioFake,
  waitFor,
  type RunningServices,
  type SendGridFake,
  type TestEnv,
  type TwilioFake,
} from "@mcb/testkit";
import { apiClient } from "./api-client";

jest.setTimeout(120_000);

const example = (name: string) => readFileSync(path.resolve(__dirname, "../../examples", name), "utf8");
const SF = { latitude: 37.7749, longitude: -122.4194 };

let env: TestEnv;
let services: RunningServices;
let sendgrid: SendGridFake;
let twilio: TwilioFake;
let bus: Bus;
let token: string;

const call = apiClient(() => services.baseUrl);
const api = (method: string, route: string, body?: unknown, auth = true) => call(method, route, { body, token: auth ? token : null });

beforeAll(async () => {
  env = await createTestEnv("e2e");
  sendgrid = await startSendGridFake({ apiKey: "SG.e2e-key" });
  twilio = await startTwilioFake({ accountSid: "AC" + "e".repeat(32), authToken: "e2e-auth-token" });
  services = await startServices({
    ...env.env,
    SENDGRID_API_BASE_URL: sendgrid.url,
    SENDGRID_API_KEY: "SG.e2e-key",
    EMAIL_FROM: "listings@agency.example",
    TWILIO_API_BASE_URL: twilio.url,
    TWILIO_ACCOUNT_SID: twilio.accountSid,
    TWILIO_AUTH_TOKEN: twilio.authToken,
    TWILIO_FROM_NUMBER: "+14155550000",
    GHL_API_BASE_URL: "http://127.0.0.1:9", // nothing listens: any GHL call would fail loudly
    SCHEDULER_INTERVAL_MS: "200",
    EVENT_MAX_DELIVER: "2",
  });
  token = await createToken(services.env, "agency-e2e");
  bus = await connectBus({ url: env.natsUrl, prefix: env.prefix, name: "e2e", logger: createLogger({ test: "e2e" }, "silent") });
});

afterAll(async () => {
  await bus?.nc.close();
  const codes = await services?.stop();
  await Promise.all([sendgrid?.close(), twilio?.close()]);
  await env?.cleanup();
  // Every service shut down cleanly on SIGTERM.
  expect(codes).toEqual({ "audience-service": 0, "template-renderer": 0, "campaign-engine": 0, "ghl-delivery": 0, gateway: 0 });
});

test("health reports all five services and NATS, Postgres, Redis", async () => {
  const res = await api("GET", "/health", undefined, false);
  expect(res.status).toBe(200);
  expect(Object.keys(res.body.services).sort()).toEqual(["audience-service", "campaign-engine", "gateway", "ghl-delivery", "template-renderer"]);
  expect(res.body.dependencies).toMatchObject({ nats: { status: "up" }, postgres: { status: "up" }, redis: { status: "up" } });
});

test("every route but /health needs a bearer token", async () => {
  const res = await api("POST", "/campaigns/create", example("create-campaign.json"), false);
  expect(res.status).toBe(401);
  expect(res.type).toContain("application/problem+json");
});

let hanaId: string;

test("contacts are stored in bulk and the seed's example request creates a campaign with the seed's response shape", async () => {
  const contacts = [
    { first_name: "Ava", email: "ava@example.com", phone: "+14155550101", city: "San Francisco", ...SF, household_income: 300_000, age: 42, engagement_score: 0.8, email_opt_in: true, sms_opt_in: true, timezone: "America/Los_Angeles" },
    { first_name: "Ben", email: "ben@example.com", city: "San Francisco", latitude: 37.78, longitude: -122.41, household_income: 260_000, age: 50, engagement_score: 0.7, email_opt_in: false },
    { first_name: "Cara", email: "cara@example.com", city: "San Francisco", ...SF, household_income: 200_000, age: 40, engagement_score: 0.9, email_opt_in: true },
    { first_name: "Dan", email: "dan@example.com", city: "San Francisco", ...SF, household_income: 400_000, age: 30, engagement_score: 0.9, email_opt_in: true },
    { first_name: "Eve", email: "eve@example.com", city: "San Francisco", ...SF, household_income: 500_000, age: 45, engagement_score: 0.5, email_opt_in: true },
    { first_name: "Fay", phone: "+15105550102", city: "Oakland", latitude: 37.8044, longitude: -122.2712, household_income: 350_000, age: 40, engagement_score: 0.9, sms_opt_in: true },
    { first_name: "Gus", email: "gus@example.com", city: "San Jose", latitude: 37.3382, longitude: -121.8863, household_income: 350_000, age: 40, engagement_score: 0.9, email_opt_in: true },
    { first_name: "Hana", last_name: "Mori", email: "hana@example.com", phone: "+14155550103", city: "Daly City", email_opt_in: true, sms_opt_in: true, ghl_contact_id: "ghl-hana" },
  ];
  const stored = await api("POST", "/contacts", { contacts });
  expect(stored.status).toBe(200);
  const upsert = ContactsUpsertResponse.parse(stored.body);
  expect(upsert).toMatchObject({ created: 8, updated: 0 });
  expect(upsert.contacts.map((c) => c.first_name)).toEqual(contacts.map((c) => c.first_name));
  hanaId = upsert.contacts[7]!.id;

  const created = await api("POST", "/campaigns/create", example("create-campaign.json"));
  expect(created.status).toBe(201);
  SeedCampaignGenerationResponse.parse(created.body);
  const response = CampaignGenerationResponse.parse(created.body);
  const seedKeys = Object.keys(JSON.parse(example("create-campaign-response.json")));
  expect(Object.keys(response)).toEqual(expect.arrayContaining(seedKeys));
  // Ava, Ben and Fay (Oakland is within 10 miles of the San Francisco contacts) match; Ben cannot be reached.
  expect(response).toMatchObject({ success: true, campaign_name: "Q1 Luxury Property Showcase", audience_size: 3, estimated_reach: 2, personalization_applied: true, campaign_status: "SCHEDULED" });
  expect(response.campaign_id).toMatch(/^camp_/);
  expect(new Date(response.scheduled_send_date!).getTime()).toBeGreaterThan(Date.now());
  expect(response.claude_optimization_suggestions.length).toBeGreaterThan(0);

  const fetched = await api("GET", `/campaigns/${response.campaign_id}`);
  expect(fetched.status).toBe(200);
  const campaign = MarketingCampaign.parse(fetched.body);
  expect(campaign).toMatchObject({ campaign_type: "property_showcase", campaign_status: "SCHEDULED", delivery_channels: ["EMAIL", "SMS"] });
  expect(campaign.content_assets.map((a) => a.channel).sort()).toEqual(["EMAIL", "SMS"]);
});

test("bad input gets a 4xx problem-details body naming each field, and changes nothing", async () => {
  const body = { ...JSON.parse(example("create-campaign.json")), campaign_name: "", delivery_channels: ["PIGEON"], colour: "blue" };
  const res = await api("POST", "/campaigns/create", body);
  expect(res.status).toBe(422);
  expect(res.type).toContain("application/problem+json");
  const fields = (res.body.errors as { field: string }[]).map((e) => e.field);
  expect(fields).toEqual(expect.arrayContaining(["campaign_name", "delivery_channels.0", "colour"]));

  const malformed = await api("POST", "/campaigns/create", "{not json");
  expect(malformed.status).toBe(400);
  const missing = await api("GET", "/campaigns/camp_doesnotexist00");
  expect(missing.status).toBe(404);
});

test("a seller entering property_evaluation gets a property showcase by email (SendGrid v3) and SMS (Twilio)", async () => {
  await publishEvent(bus, "seller.stage.changed", {
    tenantId: "agency-e2e",
    data: { seller_id: "seller-42", contact_id: hanaId, from_stage: "market_education", to_stage: "property_evaluation", engagement_level: "high", property: { address: "123 Ocean Ave", neighborhood: "Sunset", property_type: "single_family", estimated_value: 1_250_000 } },
  });
  // The same kind of move made by hand, as the README shows: another seller's event through the CLI.
  const cli = await runCli(services.env, ["events", "seller-stage", "--tenant", "agency-e2e", "--seller", "seller-43", "--contact", hanaId, "--stage", "initial_contact"]);
  expect(cli.code).toBe(0);
  expect((await runCli(services.env, ["events", "seller-stage", "--tenant", "agency-e2e", "--seller", "s", "--contact", "c", "--stage", "nowhere"])).code).toBe(1);
  const mail = await waitFor(() => sendgrid.requests.find((r) => r.body.personalizations[0]?.to[0]?.email === "hana@example.com"), { what: "SendGrid mail/send", timeoutMs: 20_000 });
  const sms = await waitFor(() => twilio.requests.find((r) => r.body.To === "+14155550103"), { what: "Twilio message", timeoutMs: 20_000 });

  expect(mail.path).toBe("/v3/mail/send");
  expect(mail.headers.authorization).toBe("Bearer SG.e2e-key");
  expect(mail.body.from.email).toBe("listings@agency.example");
  expect(mail.body.content?.map((c) => c.type)).toEqual(["text/plain", "text/html"]);
  expect(mail.body.content?.[1]?.value).toContain("Hana");
  expect(JSON.stringify(mail.body)).toContain("123 Ocean Ave");
  expect(sms.body.From).toBe("+14155550000");
  expect(sms.body.Body).toMatch(/STOP/);

  // Each campaign reaches each recipient × channel once: two stage moves, two emails, two texts.
  const toHana = () => sendgrid.requests.filter((r) => r.body.personalizations[0]?.to[0]?.email === "hana@example.com");
  await waitFor(() => (toHana().length === 2 ? true : undefined), { what: "the CLI-triggered email" });
  await new Promise((r) => setTimeout(r, 1_000));
  expect(toHana()).toHaveLength(2);
  expect(twilio.requests.filter((r) => r.body.To === "+14155550103")).toHaveLength(2);
  expect(sendgrid.refused).toEqual([]);
  expect(twilio.refused).toEqual([]);
});

test("the unsubscribe link in the email opts the contact out of email, and only email", async () => {
  const mail = sendgrid.requests.find((r) => r.body.personalizations[0]?.to[0]?.email === "hana@example.com")!;
  const deliveryId = mail.body.personalizations[0]!.custom_args!.delivery_id!;
  const link = `${services.baseUrl}/unsubscribe/${deliveryId}`;
  expect(JSON.stringify(mail.body)).toContain(link); // in the body and the List-Unsubscribe header

  const confirm = await fetch(link);
  expect(confirm.status).toBe(200);
  expect(await confirm.text()).toContain("<form method=\"post\"");
  // What a mail client's one-click unsubscribe sends (RFC 8058).
  const oneClick = await fetch(link, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" });
  expect(oneClick.status).toBe(200);
  expect((await fetch(`${services.baseUrl}/unsubscribe/dlv_000000000000000000000000`)).status).toBe(404);

  const hana = await waitFor(
    async () => {
      const res = await api("POST", "/contacts", { contacts: [{ email: "hana@example.com" }] });
      const contact = ContactsUpsertResponse.parse(res.body).contacts[0]!;
      return contact.email_opt_in === false ? contact : undefined;
    },
    { what: "the opt-out to reach the audience-service" },
  );
  expect(hana.sms_opt_in).toBe(true);
});

test("a poison event and an event for an unknown contact are dead-lettered with their reasons; services stay up", async () => {
  await bus.js.publish(bus.names.subject("seller.stage.changed"), "this is not an envelope", { msgID: "poison-e2e", headers: headers() });
  await publishEvent(bus, "seller.stage.changed", { tenantId: "agency-e2e", data: { seller_id: "seller-x", contact_id: "ct_nobody", to_stage: "initial_contact" } });
  const letters = await waitFor(
    async () => {
      const found = await listDeadLetters(bus);
      return found.length >= 2 ? found : undefined;
    },
    { what: "two dead letters", timeoutMs: 30_000 },
  );
  expect(letters.map((l) => l.subject)).toEqual(["seller.stage.changed", "seller.stage.changed"]);
  expect(letters.find((l) => l.reason.includes("not JSON"))).toBeDefined();
  expect(letters.find((l) => l.reason.includes("ct_nobody") && l.reason.includes("gave up after 2 tries"))).toBeDefined();
  const health = await api("GET", "/health", undefined, false);
  expect(health.status).toBe(200);
});

test("a caller's W3C traceparent continues through the gateway onto the NATS request", async () => {
  const traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
  const seen = bus.nc.subscribe(bus.names.subject("svc.campaign.get"), { max: 1 });
  await bus.nc.flush(); // the subscription is registered before the request is made
  const res = await fetch(`${services.baseUrl}/campaigns/camp_tracecheck01`, {
    headers: { authorization: `Bearer ${token}`, traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
  });
  expect(res.status).toBe(404);
  for await (const msg of seen) {
    expect(msg.headers?.get("traceparent")).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-0[01]$`));
  }
});

test("health answers 503 naming the service that is down", async () => {
  expect(await services.stopService("template-renderer")).toBe(0);
  const res = await api("GET", "/health", undefined, false);
  expect(res.status).toBe(503);
  expect(res.body.status).toBe("degraded");
  expect(res.body.services["template-renderer"].status).toBe("down");
  expect(res.body.services["campaign-engine"].status).toBe("up");
});
