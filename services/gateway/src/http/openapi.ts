import { z } from "zod";
import { ProblemDetails } from "@mcb/contracts";
import { BASE_PATH } from "./app";
import type { RouteSpec } from "./route-spec";

type JsonObject = Record<string, unknown>;

/** JSON Schema 2020-12 (what OpenAPI 3.1 uses) for one side of a schema. */
function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonObject {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as JsonObject;
  return rest;
}

/** "/campaigns/:id" → "/api/v1/marketing/campaigns/{id}" */
export const openApiPath = (path: string) => `${BASE_PATH}${path.replace(/:([A-Za-z_]+)/g, "{$1}")}`;

const problemResponse = (description: string) => ({ description, content: { "application/problem+json": { schema: { $ref: "#/components/schemas/ProblemDetails" } } } });

function operation(route: RouteSpec): JsonObject {
  const parameters: JsonObject[] = [...route.path.matchAll(/:([A-Za-z_]+)/g)].map((m) => ({ name: m[1], in: "path", required: true, schema: { type: "string" } }));
  if (route.query) {
    const query = jsonSchema(route.query, "input");
    const required = new Set((query.required as string[] | undefined) ?? []);
    for (const [name, schema] of Object.entries((query.properties as Record<string, JsonObject> | undefined) ?? {})) {
      parameters.push({ name, in: "query", required: required.has(name), schema });
    }
  }
  if (route.idempotent) {
    parameters.push({ name: "Idempotency-Key", in: "header", required: false, description: "Same key and body returns the first response; another body under the key is a 422.", schema: { type: "string", maxLength: 255 } });
  }
  const responses: JsonObject = {
    [String(route.successStatus)]:
      route.produces === "text/html"
        ? { description: "An HTML page", content: { "text/html": { schema: { type: "string" } } } }
        : route.successStatus === 204 || !route.response
          ? { description: "No content" }
          : { description: "Success", content: { "application/json": { schema: jsonSchema(route.response, "output") } } },
  };
  if (route.body || route.query) responses["422"] = problemResponse("Invalid fields, each listed under `errors`");
  if (route.body) responses["400"] = problemResponse("The body is not JSON");
  if (route.body) responses["413"] = problemResponse("The body is too large");
  if (route.auth) responses["401"] = problemResponse("Missing or invalid API token");
  if (route.path.includes(":id")) responses["404"] = problemResponse("Not found (or another tenant's)");
  if (route.path.match(/\/(launch|pause|resume|cancel)$/) || route.method === "patch" || route.method === "delete") responses["409"] = problemResponse("Not allowed in the campaign's current state");
  if (route.rateClass) responses["429"] = problemResponse("Rate limit reached; see Retry-After and RateLimit-* headers");
  return {
    operationId: `${route.method}${route.path.replace(/[:/-](\w)/g, (_m, c: string) => c.toUpperCase())}`,
    summary: route.summary,
    tags: [route.tag],
    ...(route.auth ? {} : { security: [] }),
    ...(parameters.length ? { parameters } : {}),
    ...(route.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(route.body, "input") } } } } : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document, generated from the same route registry the router is built from. */
export function buildOpenApiDocument(routes: readonly RouteSpec[], serverUrl: string): JsonObject {
  const paths: Record<string, JsonObject> = {};
  for (const route of routes) {
    const path = openApiPath(route.path);
    paths[path] = { ...(paths[path] ?? {}), [route.method]: operation(route) };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Marketing Campaign Builder API",
      version: "1.0.0",
      description: "Create, personalise, send and measure real-estate marketing campaigns. JSON is snake_case; errors are RFC 9457 problem details.",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearerAuth: [] }],
    paths,
    components: {
      securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", description: "A tenant API token from `pnpm cli tokens create --tenant <id>`" } },
      schemas: { ProblemDetails: jsonSchema(ProblemDetails, "output") },
    },
  };
}
