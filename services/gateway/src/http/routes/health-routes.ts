import { HealthReport } from "@mcb/contracts";
import { checkHealth, type HealthDeps } from "../../health";
import { defineRoute, HttpResult, type RouteSpec } from "../route-spec";

/** 200 only when every service and dependency answered; 503 with the same report otherwise. */
export function healthRoutes(deps: HealthDeps): RouteSpec[] {
  return [
    defineRoute({
      method: "get",
      path: "/health",
      summary: "Health of the five services (pinged over NATS) and of NATS, Postgres and Redis",
      tag: "operations",
      auth: false,
      response: HealthReport,
      successStatus: 200,
      handle: async () => {
        const report = await checkHealth(deps);
        return report.status === "healthy" ? report : new HttpResult(503, report);
      },
    }),
  ];
}
