import type { AddressInfo } from "node:net";
import { Redis } from "ioredis";
import { createLogger } from "@mcb/telemetry";
import { BASE_PATH, createApp } from "../app";
import { defineRoute } from "../route-spec";
import type { TokenStore } from "../../tokens/token-store";
import { freePort } from "@mcb/testkit";
import { IdempotencyStore } from "./idempotency-store";
import { RateLimiter } from "./rate-limiter";

let redis: Redis;
beforeAll(async () => {
  // A port nothing listens on: every command fails at once.
  redis = new Redis({ port: await freePort(), host: "127.0.0.1", lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on("error", () => undefined);
});
afterAll(() => redis.disconnect());

test("without Redis an idempotent request is refused as unavailable (503), and nothing runs", async () => {
  const store = new IdempotencyStore(redis, "t:");
  let ran = false;
  await expect(
    store.run({ tenant: "t", method: "post", path: "/campaigns/create", key: "k1", body: {} }, async () => {
      ran = true;
      return { status: 201, body: {} };
    }),
  ).rejects.toMatchObject({ code: "UPSTREAM_UNAVAILABLE" });
  expect(ran).toBe(false);
});

test("without Redis a rate-limited route still answers: limits are skipped, not the API", async () => {
  const route = defineRoute({ method: "get", path: "/ping", summary: "ping", tag: "t", auth: true, rateClass: "templates", successStatus: 200, handle: async () => ({ pong: true }) });
  // Authentication is not under test here: every token is tenant t's.
  const tokens = { verify: async () => ({ token_id: "tok", tenant_id: "t" }) } as unknown as TokenStore;
  const app = createApp({ routes: [route], tokens, logger: createLogger({}, "silent"), bodyLimitBytes: 1024, rateLimiter: new RateLimiter(redis, "t:", { create: 1, analytics: 1, templates: 1 }) });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}${BASE_PATH}/ping`, { headers: { authorization: "Bearer x" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("ratelimit-limit")).toBeNull();
    expect(await res.json()).toEqual({ pong: true });
  } finally {
    server.close();
  }
});
