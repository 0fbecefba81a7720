import { readFileSync } from "node:fs";
import path from "node:path";
import { AuditTrail, CampaignAnalytics, CampaignCreationRequest, CampaignGenerationResponse, CampaignList, MarketingCampaign, PerformanceBenchmarks } from "@mcb/contracts";
import { connectBus, publishEvent, RpcClient, type Bus } from "@mcb/bus";
import { createLogger } from "@mcb/telemetry";
import { createTestEnv, createToken, freePort, startServices, waitFor, type RunningServices, type TestEnv } from "@mcb/testkit";
import { apiClient } from "./api-client";

jest.setTimeout(120_000);

const example = (name: string) => JSON.parse(readFileSync(path.resolve(__dirname, "../../examples", name), "utf8"));
const createBody = example("create-campaign.json");

let env: TestEnv;
let services: RunningServices;
let bus: Bus;
let token: string;
let otherToken: string;
const call = apiClient(() => services.baseUrl);
const as = (who: string | null) => (method: string, route: string, body?: unknown, headers?: Record<string, string>) => call(method, route, { token: who, body, ...(headers ? { headers } : {}) });
const api = (method: string, route: string, body?: unknown, headers?: Record<string, string>) => as(token)(method, route, body, headers);
const other = (method: string, route: string, body?: unknown) => as(otherToken)(method, route, body);

beforeAll(async () => {
  env = await createTestEnv("api");
  services = await startServices({
    ...env.env,
    RATE_LIMIT_CREATE_PER_MIN: "200",
    RATE_LIMIT_TEMPLATES_PER_MIN: "5",
    BODY_LIMIT_BYTES: "20000",
    SCHEDULER_INTERVAL_MS: "200",
  });
  token = await createToken(services.env, "agency-one");
  otherToken = await createToken(services.env, "agency-two");
  bus = await connectBus({ url: env.natsUrl, prefix: env.prefix, name: "api-e2e", logger: createLogger({}, "silent") });
  const contacts = ["Ava", "Ben", "Cy"].map((name, i) => ({
    first_name: name,
    email: `${name.toLowerCase()}@one.example`,
    city: "San Francisco",
    latitude: 37.77 + i * 0.001,
    longitude: -122.42,
    household_income: 300_000,
    age: 40,
    engagement_score: 0.9,
    email_opt_in: true,
    segments: ["LUXURY_BUYERS"],
  }));
  expect((await api("POST", "/contacts", { contacts })).status).toBe(200);
});

afterAll(async () => {
  await bus?.nc.close();
  await services?.stop();
  await env?.cleanup();
});

describe("campaigns", () => {
  let campaignId: string;

  test("create, then read it back; another tenant cannot see it", async () => {
    const res = await api("POST", "/campaigns/create", createBody);
    expect(res.status).toBe(201);
    const created = CampaignGenerationResponse.parse(res.body);
    campaignId = created.campaign_id;
    expect(created.expected_performance.basis).toBe("industry_prior");
    expect(created.audience_size).toBe(3);
    expect(created.generation_time_ms).toBeGreaterThan(0);

    expect(MarketingCampaign.parse((await api("GET", `/campaigns/${campaignId}`)).body).owner_id).toMatch(/^tok_/);
    for (const route of [`/campaigns/${campaignId}`, `/campaigns/${campaignId}/analytics`, `/campaigns/${campaignId}/audit`]) {
      const res2 = await other("GET", route);
      expect(res2.status).toBe(404);
      expect(res2.type).toContain("application/problem+json");
    }
    expect((await other("POST", `/campaigns/${campaignId}/pause`)).status).toBe(404);
    expect((await other("PATCH", `/campaigns/${campaignId}`, { campaign_name: "hijack" })).status).toBe(404);
    expect(CampaignList.parse((await other("GET", "/campaigns")).body).items).toEqual([]);
  });

  test("list: newest first, filters, cursor pagination without gaps", async () => {
    for (const name of ["List A", "List B", "List C"]) expect((await api("POST", "/campaigns/create", { ...createBody, campaign_name: name, campaign_type: "market_update" })).status).toBe(201);
    const first = CampaignList.parse((await api("GET", "/campaigns?campaign_type=market_update&limit=2")).body);
    expect(first.items.map((c) => c.campaign_name)).toEqual(["List C", "List B"]);
    expect(first.next_cursor).not.toBeNull();
    const second = CampaignList.parse((await api("GET", `/campaigns?campaign_type=market_update&limit=2&cursor=${first.next_cursor}`)).body);
    expect(second.items.map((c) => c.campaign_name)).toEqual(["List A"]);
    expect(second.next_cursor).toBeNull();
    const scheduled = CampaignList.parse((await api("GET", "/campaigns?status=SCHEDULED&limit=100")).body);
    expect(scheduled.items.length).toBe(4);
    const bad = await api("GET", "/campaigns?status=ASLEEP&limit=1000&colour=red");
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(["query.status", "query.limit", "query.colour"]));
    expect((await api("GET", "/campaigns?cursor=garbage")).status).toBe(422);
  });

  test("lifecycle: draft → edit → launch → active/completed; illegal moves are 409 naming the state; audit has every change", async () => {
    const draft = CampaignGenerationResponse.parse((await api("POST", "/campaigns/create", { ...createBody, campaign_name: "Draft one", save_as_draft: true })).body);
    expect(draft.campaign_status).toBe("DRAFT");
    const edited = await api("PATCH", `/campaigns/${draft.campaign_id}`, { campaign_name: "Draft one, edited", delivery_channels: ["EMAIL"] });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ campaign_name: "Draft one, edited", delivery_channels: ["EMAIL"] });
    expect((await api("PATCH", `/campaigns/${draft.campaign_id}`, {})).status).toBe(422);

    const paused = await api("POST", `/campaigns/${draft.campaign_id}/pause`);
    expect(paused.status).toBe(409);
    expect(paused.body.current_status).toBe("DRAFT");
    expect(paused.body.detail).toContain("DRAFT");

    expect((await api("POST", `/campaigns/${draft.campaign_id}/launch`)).status).toBe(200);
    // No provider is configured here, so every delivery fails as "not configured" and the campaign completes.
    const done = await waitFor(async () => {
      const c = MarketingCampaign.parse((await api("GET", `/campaigns/${draft.campaign_id}`)).body);
      return c.campaign_status === "COMPLETED" ? c : undefined;
    }, { what: "campaign to complete", timeoutMs: 30_000 });
    expect(done.launched_at).not.toBeNull();
    const resume = await api("POST", `/campaigns/${draft.campaign_id}/resume`);
    expect(resume.status).toBe(409);
    expect(resume.body.current_status).toBe("COMPLETED");
    expect((await api("DELETE", `/campaigns/${draft.campaign_id}`)).status).toBe(409);
    expect((await api("PATCH", `/campaigns/${draft.campaign_id}`, { campaign_name: "too late" })).status).toBe(409);

    const analytics = CampaignAnalytics.parse((await api("GET", `/campaigns/${draft.campaign_id}/analytics`)).body);
    expect(analytics.performance_summary.status).toBe("COMPLETED");
    expect(analytics.audience_insights.deliveries_requested).toBe(3);
    expect(analytics.audience_insights.deliveries_failed).toBe(3);
    expect(analytics.audience_insights.by_channel.EMAIL).toEqual({ sent: 0, failed: 3 });

    const audit = AuditTrail.parse((await api("GET", `/campaigns/${draft.campaign_id}/audit`)).body);
    expect(audit.items.map((a) => a.action)).toEqual(["create", "update", "launch", "launch_complete", "complete"]);
    expect(audit.items[1]!.changes).toMatchObject({ campaign_name: { from: "Draft one", to: "Draft one, edited" } });
    expect(audit.items[2]).toMatchObject({ from_status: "DRAFT", to_status: "SCHEDULED" });
  });

  test("pause, resume, cancel a scheduled campaign; delete a draft", async () => {
    expect((await api("POST", `/campaigns/${campaignId}/pause`)).body.campaign_status).toBe("PAUSED");
    expect((await api("POST", `/campaigns/${campaignId}/resume`)).body.campaign_status).toBe("SCHEDULED");
    expect((await api("POST", `/campaigns/${campaignId}/cancel`)).body.campaign_status).toBe("CANCELLED");
    const draft = CampaignGenerationResponse.parse((await api("POST", "/campaigns/create", { ...createBody, save_as_draft: true })).body);
    expect((await api("DELETE", `/campaigns/${draft.campaign_id}`)).status).toBe(204);
    expect((await api("GET", `/campaigns/${draft.campaign_id}`)).status).toBe(404);
  });
});

test("valuations from the API and from the bus feed from-property, with the seed's example body unchanged", async () => {
  const valuation = {
    property_address: "1 Seaview Ter, San Francisco",
    property_type: "luxury_condo" as const,
    bedrooms: 3,
    bathrooms: 2.5,
    square_feet: 2100,
    estimated_value: 2_450_000,
    value_range: { low: 2_300_000, high: 2_600_000 },
    confidence_score: 0.87,
    comparable_sales: [{ address: "3 Seaview Ter", sale_price: 2_380_000, sale_date: "2026-09-14", square_feet: 2050 }],
    features: ["city_views", "updated_kitchen", "parking"],
    neighborhood: "Sea Cliff",
    city: "San Francisco",
  };
  const stored = await api("POST", "/valuations", valuation);
  expect(stored.status).toBe(201);
  expect(stored.body.valuation_id).toMatch(/^val_/);
  expect((await other("GET", `/valuations/${stored.body.valuation_id}`)).status).toBe(404);
  const bad = await api("POST", "/valuations", { ...valuation, estimated_value: 9_000_000, bedrooms: -1 });
  expect(bad.status).toBe(422);
  expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(["bedrooms"]));

  // The valuation engine announces the seed's val_789xyz123 on the bus.
  await publishEvent(bus, "property.valuation.completed", { tenantId: "agency-one", data: { ...valuation, valuation_id: "val_789xyz123" } });
  await waitFor(async () => ((await api("GET", "/valuations/val_789xyz123")).status === 200 ? true : undefined), { what: "valuation from the bus" });

  const res = await api("POST", "/campaigns/from-property", example("from-property.json"));
  expect(res.status).toBe(201);
  const created = CampaignGenerationResponse.parse(res.body);
  const campaign = MarketingCampaign.parse((await api("GET", `/campaigns/${created.campaign_id}`)).body);
  expect(campaign.trigger).toEqual({ kind: "property_valuation", valuation_id: "val_789xyz123" });
  expect(campaign.personalization_config.content_overrides).toMatchObject({ highlight_features: ["city views", "updated kitchen"], neighborhood: "Sea Cliff", pricing_strategy: "market_competitive" });
  expect(campaign.target_audience.target_segments).toEqual(["LUXURY_BUYERS", "MOVE_UP_BUYERS"]);
  expect((await api("POST", "/campaigns/from-property", { ...example("from-property.json"), property_valuation_id: "val_missing" })).status).toBe(404);
});

test("templates and the audience estimate", async () => {
  const templates = await api("GET", "/templates?campaign_type=property_showcase&target_segments=LUXURY_BUYERS");
  expect(templates.status).toBe(200);
  expect(templates.body.items.length).toBeGreaterThan(0);
  expect(templates.body.items.every((t: { campaign_type: string }) => t.campaign_type === "property_showcase")).toBe(true);
  expect(templates.body.next_cursor).toBeNull();
  const firstPage = await api("GET", "/templates?limit=2");
  expect(firstPage.body.items).toHaveLength(2);
  const secondPage = await api("GET", `/templates?limit=2&cursor=${firstPage.body.next_cursor}`);
  expect(secondPage.body.items[0].template_id).not.toBe(firstPage.body.items[0].template_id);

  const estimate = await api("POST", "/audience/estimate", { audience_name: "SF luxury", geographic_filters: { city: "San Francisco" }, engagement_score_min: 0.5, delivery_channels: ["EMAIL"] });
  expect(estimate.status).toBe(200);
  expect(estimate.body).toMatchObject({ audience_name: "SF luxury", estimated_size: 3, estimated_reach: 3 });
  expect((await other("POST", "/audience/estimate", { audience_name: "x" })).body.estimated_size).toBe(0);
});

test("Idempotency-Key: same body replays the first response, also after a gateway restart; another body is 422", async () => {
  const headers = { "Idempotency-Key": "create-q1-showcase" };
  const first = await api("POST", "/campaigns/create", createBody, headers);
  expect(first.status).toBe(201);
  expect(first.headers.get("idempotent-replayed")).toBe("false");
  const again = await api("POST", "/campaigns/create", createBody, headers);
  expect(again.status).toBe(201);
  expect(again.headers.get("idempotent-replayed")).toBe("true");
  expect(again.body).toEqual(first.body);
  const changed = await api("POST", "/campaigns/create", { ...createBody, campaign_name: "Something else" }, headers);
  expect(changed.status).toBe(422);
  expect(changed.body.code).toBe("IDEMPOTENCY_MISMATCH");
  // The same key under another tenant is another key.
  expect((await as(otherToken)("POST", "/campaigns/create", createBody, headers)).body.campaign_id).not.toBe(first.body.campaign_id);

  // The engine derives the campaign id from the key: a retry that reaches it after the gateway
  // gave up on a slow first answer finds the first campaign instead of creating another.
  const rpc = new RpcClient(bus);
  const direct = { tenant_id: "agency-one", owner_id: "tok_direct", request: CampaignCreationRequest.parse(createBody), idempotency: { key: "engine-level-key", fingerprint: "a".repeat(64) } };
  const [a, b] = await Promise.all([rpc.call("svc.campaign.create", direct), rpc.call("svc.campaign.create", direct)]);
  expect(b.campaign_id).toBe(a.campaign_id);
  expect((await rpc.call("svc.campaign.create", direct)).campaign_id).toBe(a.campaign_id);
  // Long after the gateway forgot the key, another body under it is still refused.
  await expect(rpc.call("svc.campaign.create", { ...direct, idempotency: { key: "engine-level-key", fingerprint: "b".repeat(64) } })).rejects.toMatchObject({ code: "IDEMPOTENCY_MISMATCH" });

  expect(await services.restart("gateway")).toBe(0);
  const afterRestart = await api("POST", "/campaigns/create", createBody, headers);
  expect(afterRestart.body.campaign_id).toBe(first.body.campaign_id);
  const list = CampaignList.parse((await api("GET", "/campaigns?limit=100")).body);
  expect(list.items.filter((c) => c.campaign_id === first.body.campaign_id)).toHaveLength(1);
});

test("rate limits answer 429 with Retry-After and RateLimit-* headers, shared by two gateway copies", async () => {
  const port = await freePort();
  const copy = await services.startCopy("gateway", { GATEWAY_PORT: String(port) });
  try {
    let last;
    for (let i = 0; i < 8; i++) {
      last = await api("GET", "/templates");
      if (last.status === 429) break;
      expect(last.headers.get("ratelimit-limit")).toBe("5");
    }
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(last!.headers.get("ratelimit-remaining")).toBe("0");
    expect(last!.body.code).toBe("RATE_LIMITED");
    const viaCopy = await fetch(`http://127.0.0.1:${port}/api/v1/marketing/templates`, { headers: { authorization: `Bearer ${token}` } });
    expect(viaCopy.status).toBe(429);
    // Another token has its own budget.
    expect((await other("GET", "/templates")).status).toBe(200);
  } finally {
    await copy.stop();
  }
});

test("bad input is a clear 4xx, never a 500", async () => {
  const unknown = await api("POST", "/campaigns/create", { ...createBody, target_audience_criteria: { ...createBody.target_audience_criteria, mood: "sunny" } });
  expect(unknown.status).toBe(422);
  expect(unknown.body.errors).toEqual(expect.arrayContaining([{ field: "target_audience_criteria.mood", message: "unknown field" }]));
  const big = await api("POST", "/campaigns/create", { ...createBody, content_overrides: { notes: "x".repeat(1900), more: "y".repeat(1900), a: "a".repeat(1900), b: "b".repeat(1900), c: "c".repeat(1900), d: "d".repeat(1900), e: "e".repeat(1900), f: "f".repeat(1900), g: "g".repeat(1900), h: "h".repeat(1900), i: "i".repeat(1900) } });
  expect(big.status).toBe(413);
  expect(big.type).toContain("application/problem+json");
  for (const body of ["[]", "null", '"text"', "42", "{}"]) {
    const res = await api("POST", "/campaigns/create", body);
    expect([400, 422]).toContain(res.status);
  }
  expect((await api("GET", "/nowhere")).status).toBe(404);
  expect((await call("GET", "/campaigns", { token: "mcb_forged" })).status).toBe(401);
});

test("benchmarks report live percentiles beside the seed's targets; OpenAPI and docs are served", async () => {
  const res = await api("GET", "/performance/benchmarks");
  expect(res.status).toBe(200);
  const benchmarks = PerformanceBenchmarks.parse(res.body);
  expect(benchmarks.targets.campaign_generation).toBe(300);
  expect(benchmarks.measurements.campaign_generation!.count).toBeGreaterThan(5);
  expect(benchmarks.measurements.campaign_generation!.p95_ms).toBeGreaterThan(0);
  expect(benchmarks.services["template-renderer"]!.endpoints["svc.template.prepare"]!.count).toBeGreaterThan(0);
  expect(benchmarks.measurements.template_preparation!.target_ms).toBe(150);

  const openapi = await call("GET", "/openapi.json");
  expect(openapi.status).toBe(200);
  expect(openapi.body.openapi).toBe("3.1.0");
  expect(Object.keys(openapi.body.paths)).toContain("/api/v1/marketing/campaigns/{id}/analytics");
  const docs = await call("GET", "/docs");
  expect(docs.type).toContain("text/html");
  expect(docs.body).toContain("/api/v1/marketing/campaigns/create");
  // A problem's type resolves to its entry on the docs page.
  const problem = await api("POST", "/campaigns/create", { campaign_name: "" });
  expect(problem.body.type).toBe("/api/v1/marketing/docs#problem-validation-failed");
  expect(docs.body).toContain('id="problem-validation-failed"');
});

test("no input makes any route answer 500: junk bodies, ids and queries on every documented route", async () => {
  const openapi = (await call("GET", "/openapi.json")).body as { paths: Record<string, Record<string, unknown>> };
  const junkBodies: unknown[] = ["{", "[]", "null", '"x"', "123", { campaign_name: 42 }, { contacts: [{ email: "not-an-email", age: -5 }] }, { a: { b: { c: [1, { d: null }] } } }, { "__proto__": { polluted: true } }, { campaign_name: "a\u0000b" }, { contacts: [{ first_name: "\u0000", email: "z@z.example" }] }];
  const junkIds = ["camp_%00", "..%2F..%2Fetc", "x".repeat(300), "' OR 1=1 --", "camp_abc123def456"];
  const statuses = new Set<number>();
  for (const [path, methods] of Object.entries(openapi.paths)) {
    if (path.endsWith("/openapi.json") || path.endsWith("/docs")) continue;
    for (const method of Object.keys(methods)) {
      const ids = path.includes("{id}") ? junkIds : [""];
      for (const id of ids) {
        const route = path.replace("/api/v1/marketing", "").replace("{id}", id) + "?limit=-1&cursor=%ff&campaign_type=nope&target_segments=,,";
        const bodies = method === "get" || method === "delete" ? [undefined] : junkBodies;
        for (const body of bodies) {
          const res = await api(method.toUpperCase(), route, body);
          statuses.add(res.status);
          if (res.status >= 500) throw new Error(`${method.toUpperCase()} ${route} ${JSON.stringify(body)} → ${res.status} ${JSON.stringify(res.body)}`);
        }
      }
    }
  }
  expect([...statuses].every((s) => s < 500)).toBe(true);
  expect(statuses).toEqual(new Set([...statuses].filter((s) => [200, 201, 400, 404, 409, 413, 422, 429].includes(s))));
  for (const route of ["/campaigns?owner_id=%00", "/campaigns/camp%00x", `/campaigns?cursor=${Buffer.from(JSON.stringify(["2026-01-01T00:00:00Z", "x\u0000"])).toString("base64url")}`]) {
    expect((await api("GET", route)).status).toBeLessThan(500);
  }
  expect((await call("GET", "/health")).status).toBe(200);
});
