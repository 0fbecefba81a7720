import type { Request } from "express";
import type { z } from "zod";
import type { TokenPrincipal } from "../tokens/token-store";

export type RateClass = "create" | "analytics" | "templates";

export interface RouteInput<B, Q> {
  body: B;
  query: Q;
  params: Record<string, string>;
  principal: TokenPrincipal;
  req: Request;
}

/**
 * One HTTP route, described once: the router is built from these and so is the OpenAPI
 * document, so the two cannot drift apart.
 */
export interface RouteSpec<B extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType> {
  method: "get" | "post" | "patch" | "delete";
  /** Express-style path under the base path, e.g. "/campaigns/:id". */
  path: string;
  summary: string;
  tag: string;
  /** false only for /health and signed webhooks. */
  auth: boolean;
  rateClass?: RateClass;
  /** Creating POSTs honour Idempotency-Key. */
  idempotent?: boolean;
  body?: B;
  query?: Q;
  response?: z.ZodType;
  /** Set for pages meant for a browser rather than API clients. */
  produces?: "text/html";
  successStatus: number;
  handle(input: RouteInput<z.infer<B>, z.infer<Q>>): Promise<unknown>;
}

/** Keeps the body/query types of a route tied to its schemas. */
export function defineRoute<B extends z.ZodType, Q extends z.ZodType>(spec: RouteSpec<B, Q>): RouteSpec {
  return spec as unknown as RouteSpec;
}

/** A handler's answer when it is not the route's usual status (e.g. 503 from /health). */
export class HttpResult {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {}
}
