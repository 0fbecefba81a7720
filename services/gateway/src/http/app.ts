import express, { type NextFunction, type Request, type Response } from "express";
import { fieldIssues } from "@mcb/contracts";
import { ServiceError } from "@mcb/bus";
import type { Logger } from "@mcb/telemetry";
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
}

function authenticate(tokens: TokenStore) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const header = req.header("authorization") ?? "";
    const match = /^Bearer\s+(\S+)$/i.exec(header);
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

function runRoute(route: RouteSpec) {
  return async (req: Request, res: Response) => {
    const issues = [];
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
    const result = await route.handle({ body, query, params: req.params as Record<string, string>, principal: route.auth ? principalOf(req) : { token_id: "", tenant_id: "" }, req });
    if (result instanceof HttpResult) {
      for (const [name, value] of Object.entries(result.headers)) res.setHeader(name, value);
      res.status(result.status).json(result.body);
      return;
    }
    res.status(route.successStatus).json(result);
  };
}

/** The HTTP edge: JSON in, problem details out, every route from the registry. */
export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false);
  app.use(express.json({ limit: deps.bodyLimitBytes, strict: false }));
  const router = express.Router();
  const auth = authenticate(deps.tokens);
  for (const route of deps.routes) {
    const handlers = [...(route.auth ? [auth] : []), runRoute(route)];
    router[route.method](route.path, ...handlers);
  }
  app.use(BASE_PATH, router);
  app.use((req: Request, res: Response) => sendProblem(res, problem("NOT_FOUND", `no route ${req.method} ${req.path}`, { instance: req.originalUrl })));
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const status = (error as { status?: number; type?: string }).status;
    const type = (error as { type?: string }).type;
    if (type === "entity.too.large") return sendProblem(res, problem("PAYLOAD_TOO_LARGE", `the body exceeds ${deps.bodyLimitBytes} bytes`, { instance: req.originalUrl }));
    if (type === "entity.parse.failed") return sendProblem(res, { ...problem("VALIDATION_FAILED", "the body is not valid JSON", { instance: req.originalUrl }), status: 400 });
    if (error instanceof ServiceError) {
      return sendProblem(res, problem(error.code, error.message, { instance: req.originalUrl, ...(error.fields ? { errors: error.fields } : {}) }));
    }
    if (status && status >= 400 && status < 500) return sendProblem(res, { ...problem("VALIDATION_FAILED", String((error as Error).message), { instance: req.originalUrl }), status });
    deps.logger.error("unhandled request error", { path: req.originalUrl, error });
    return sendProblem(res, problem("INTERNAL", "something went wrong on our side", { instance: req.originalUrl }));
  });
  return app;
}
