import { z } from "zod";
import { buildOpenApiDocument } from "../openapi";
import { defineRoute, HttpResult, type RouteSpec } from "../route-spec";
import { docsPage } from "../docs-page";

/** Public, unauthenticated: the OpenAPI document and a readable page over it. */
export function docsRoutes(routes: () => readonly RouteSpec[], publicBaseUrl: string): RouteSpec[] {
  let cached: Record<string, unknown> | undefined;
  const documentOnce = () => (cached ??= buildOpenApiDocument(routes(), publicBaseUrl));
  return [
    defineRoute({
      method: "get",
      path: "/openapi.json",
      summary: "This API's OpenAPI 3.1 document",
      tag: "operations",
      auth: false,
      response: z.record(z.string(), z.unknown()),
      successStatus: 200,
      handle: async () => documentOnce(),
    }),
    defineRoute({
      method: "get",
      path: "/docs",
      summary: "Readable API documentation",
      tag: "operations",
      auth: false,
      produces: "text/html",
      successStatus: 200,
      handle: async () => {
        return new HttpResult(200, docsPage(documentOnce()), { "Content-Type": "text/html; charset=utf-8" });
      },
    }),
  ];
}
