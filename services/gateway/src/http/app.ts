import express, { type NextFunction, type Request, type Response } from "express";
import { fieldIssues, type FieldIssue } from "@mcb/contracts";
import { ServiceError } from "@mcb/bus";
import { LatencyHistogram, withIncomingTrace, type Logger } from "@mcb/telemetry";
import type { IdempotencyStore, StoredResponse } from "./middleware/idempotency-store";
import { rateLimitHeaders, type RateLimiter } from "./middleware/rate-limiter";
import { idParamGuard, NulByteError, refuseNulInJson, refuseNulInUrl } from "./middleware/input-guards";
import { problem, sendProblem } from "./problem";
import { principalOf, type AuthedRequest } from "./request-context";
import { HttpResult, type RouteSpec } from "./route-spec";
import type { TokenStore } from "../tokens/token-store";

export const BASE_PATH = "/api/v1/marketing";

export interface AppDeps {
  routes: RouteSpec[];
  tokens: TokenStore;
  logger: Logger;
  bodyLimitBytes: number;
  rateLimiter?: RateLimiter;
  idempotency?: IdempotencyStore;
  /** Per-route latency, read by GET /performance/benchmarks. */
  latency?: Map<string, LatencyHistogram>;
}

export const routeKey = (route: Pick<RouteSpec, "method" | "path">) => `${route.method.toUpperCase()} ${route.path}`;

function authenticate(tokens: TokenStore) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const match = /^Bearer\s+(\S+)$/i.exec(req.header("authorization") ?? "");
    const principal = match?.[1] ? await tokens.verify(match[1]) : null;
    if (!principal) {
      res.setHeader("WWW-Authenticate", 'Bearer realm="marketing"');
      sendProblem(res, problem("UNAUTHORIZED", match ? "the API token is not valid" : "send Authorization: Bearer <token>", { instance: req.originalUrl }));
      return;
    }
    (req as AuthedRequest).principal = principal;
    next();
  };
}

function parseInput(route: RouteSpec, req: Request): { body: unknown; query: unknown } {
  const issues: FieldIssue[] = [];
  let body: unknown = undefined;
  let query: unknown = {};
  if (route.body) {
    const parsed = route.body.safeParse(req.body ?? {});
    if (parsed.success) body = parsed.data;
    else issues.push(...fieldIssues(parsed.error));
  }
  if (route.query) {
    const parsed = route.query.safeParse(req.query);
    if (parsed.success) query = parsed.data;
    else issues.push(...fieldIssues(parsed.error, "query"));
  }
  if (issues.length) throw new ServiceError("VALIDATION_FAILED", `${issues.length} field(s) failed validation`, { fields: issues });
  return { body, query };
}

function runRoute(route: RouteSpec, deps: AppDeps) {
  const histogram = new LatencyHistogram();
  const name = routeKey(route);
  deps.latency?.set(name, histogram);
  return (req: Request, res: Response) => withIncomingTrace(req.headers, name, () => answer(route, deps, histogram, req, res));
}

async function answer(route: RouteSpec, deps: AppDeps, histogram: LatencyHistogram, req: Request, res: Response): Promise<void> {
  const started = performance.now();
  res.once("finish", () => histogram.record(performance.now() - started));
  const principal = route.auth ? principalOf(req) : { token_id: "", tenant_id: "" };
  if (route.rateClass && route.auth && deps.rateLimiter) {
    // A limiter that cannot reach Redis lets the request through: losing limits for a moment is
    // better than losing the API.
    const decision = await deps.rateLimiter.take(route.rateClass, principal.token_id).catch((error: unknown) => {
      deps.logger.warn("rate limiter unavailable; request allowed", { error });
      return undefined;
    });
    if (decision) {
      for (const [name, value] of Object.entries(rateLimitHeaders(decision))) res.setHeader(name, value);
      if (!decision.allowed) {
        res.setHeader("Retry-After", String(decision.resetSeconds));
        throw new ServiceError("RATE_LIMITED", `limit of ${decision.limit} ${route.rateClass} requests per minute reached; retry in ${decision.resetSeconds} s`);
      }
    }
  }
  const { body, query } = parseInput(route, req);
  const execute = async (): Promise<StoredResponse & { headers?: Record<string, string> }> => {
    const result = await route.handle({ body, query, params: req.params as Record<string, string>, principal, req });
    return result instanceof HttpResult ? { status: result.status, body: result.body, headers: result.headers } : { status: route.successStatus, body: result };
  };
  const key = req.header("idempotency-key");
  let outcome: StoredResponse & { headers?: Record<string, string>; replayed?: boolean };
  if (route.idempotent && key !== undefined && deps.idempotency) {
    outcome = await deps.idempotency.run({ tenant: principal.tenant_id, method: route.method, path: req.path, key, body }, execute);
    res.setHeader("Idempotent-Replayed", String(outcome.replayed));
  } else {
    outcome = await execute();
  }
  for (const [name, value] of Object.entries(outcome.headers ?? {})) res.setHeader(name, value);
  if (typeof outcome.body === "string" && outcome.headers?.["Content-Type"]?.startsWith("text/")) {
    res.status(outcome.status).send(outcome.body);
    return;
  }
  res.status(outcome.status).json(outcome.body);
}

/** The HTTP edge: JSON in, problem details out, every route from the registry. */
export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false);
  app.use(refuseNulInUrl);
  app.use(express.json({ limit: deps.bodyLimitBytes, strict: false, reviver: refuseNulInJson }));
  const router = express.Router();
  router.param("id", idParamGuard);
  const auth = authenticate(deps.tokens);
  for (const route of deps.routes) router[route.method](route.path, ...(route.auth ? [auth] : []), runRoute(route, deps));
  app.use(BASE_PATH, router);
  app.use((req: Request, res: Response) => sendProblem(res, problem("NOT_FOUND", `no route ${req.method} ${req.path}`, { instance: req.originalUrl })));
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const instance = req.originalUrl;
    const type = (error as { type?: string }).type;
    const status = (error as { status?: number }).status;
    if (type === "entity.too.large") return sendProblem(res, problem("PAYLOAD_TOO_LARGE", `the body exceeds ${deps.bodyLimitBytes} bytes`, { instance }));
    if (type === "entity.parse.failed" || error instanceof NulByteError) {
      return sendProblem(res, { ...problem("VALIDATION_FAILED", error instanceof NulByteError ? error.message : "the body is not valid JSON", { instance }), status: 400 });
    }
    if (error instanceof ServiceError) {
      return sendProblem(res, problem(error.code, error.message, { instance, ...(error.fields ? { errors: error.fields } : {}), ...(error.options.details ? { extensions: error.options.details } : {}) }));
    }
    if (status && status >= 400 && status < 500) return sendProblem(res, { ...problem("VALIDATION_FAILED", "the request could not be read", { instance }), status });
    deps.logger.error("unhandled request error", { path: instance, error });
    return sendProblem(res, problem("INTERNAL", "something went wrong on our side", { instance }));
  });
  return app;
}
