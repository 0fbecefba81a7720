import type { Router } from "express";
import { createLogger } from "@mcb/telemetry";
import { createApp } from "./app";
import { buildOpenApiDocument, openApiPath } from "./openapi";
import { allRoutes } from "./routes";
import type { TokenStore } from "../tokens/token-store";
import type { Bus, RpcClient } from "@mcb/bus";
import type { HealthDeps } from "../health";

// The registry needs no live connections to be described; nothing here is called.
const rpc = {} as RpcClient;
const routes = allRoutes({ rpc, bus: {} as Bus, health: {} as HealthDeps, latency: new Map(), publicBaseUrl: "http://127.0.0.1:8080" });
const document = buildOpenApiDocument(routes, "http://127.0.0.1:8080") as { openapi: string; paths: Record<string, Record<string, { responses: Record<string, unknown>; requestBody?: unknown; parameters?: { name: string }[] }>> };

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle: { stack?: Layer[] };
}

/** Every (method, path) the real express router answers, read from the router itself. */
function routerRoutes(): { method: string; path: string }[] {
  const app = createApp({ routes, tokens: {} as TokenStore, logger: createLogger({}, "silent"), bodyLimitBytes: 1024 });
  const root = (app as unknown as { router: Router & { stack: Layer[] } }).router;
  const found: { method: string; path: string }[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) for (const method of Object.keys(layer.route.methods)) found.push({ method, path: layer.route.path });
      else if (layer.handle.stack) walk(layer.handle.stack);
    }
  };
  walk(root.stack);
  return found;
}

test("the document is OpenAPI 3.1 and lists every route the router serves", () => {
  expect(document.openapi).toBe("3.1.0");
  const served = routerRoutes();
  expect(served.length).toBe(routes.length);
  for (const { method, path } of served) {
    expect(document.paths[openApiPath(path)]?.[method]).toBeDefined();
  }
});

test("the seed's routes are all there, with bodies, problem responses and idempotency", () => {
  const seedRoutes: [string, string][] = [
    ["post", "/campaigns/create"],
    ["post", "/campaigns/from-property"],
    ["get", "/campaigns/{id}"],
    ["get", "/templates"],
    ["post", "/audience/estimate"],
    ["get", "/campaigns/{id}/analytics"],
    ["get", "/performance/benchmarks"],
    ["get", "/health"],
  ];
  for (const [method, path] of seedRoutes) expect(document.paths[`/api/v1/marketing${path}`]?.[method]).toBeDefined();
  const create = document.paths["/api/v1/marketing/campaigns/create"]!.post!;
  expect(create.requestBody).toBeDefined();
  expect(Object.keys(create.responses)).toEqual(expect.arrayContaining(["201", "401", "422", "429"]));
  expect(create.parameters?.map((p) => p.name)).toContain("Idempotency-Key");
  const templates = document.paths["/api/v1/marketing/templates"]!.get!;
  expect(templates.parameters?.map((p) => p.name)).toEqual(expect.arrayContaining(["campaign_type", "target_segments"]));
});
