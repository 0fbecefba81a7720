import type { RpcClient } from "@mcb/bus";
import type { LatencyHistogram } from "@mcb/telemetry";
import type { HealthDeps } from "../../health";
import type { RouteSpec } from "../route-spec";
import { audienceRoutes } from "./audience-routes";
import { campaignRoutes } from "./campaign-routes";
import { docsRoutes } from "./docs-routes";
import { healthRoutes } from "./health-routes";
import { performanceRoutes } from "./performance-routes";
import { templateRoutes } from "./template-routes";
import { valuationRoutes } from "./valuation-routes";

export interface RouteDeps {
  rpc: RpcClient;
  health: HealthDeps;
  latency: Map<string, LatencyHistogram>;
  publicBaseUrl: string;
}

/** Every route of the API, in the order the router tries them. */
export function allRoutes(deps: RouteDeps): RouteSpec[] {
  const routes: RouteSpec[] = [
    ...healthRoutes(deps.health),
    ...campaignRoutes(deps.rpc),
    ...templateRoutes(deps.rpc),
    ...audienceRoutes(deps.rpc),
    ...valuationRoutes(deps.rpc),
    ...performanceRoutes(deps.rpc, deps.latency),
  ];
  routes.push(...docsRoutes(() => routes, `${deps.publicBaseUrl}`));
  return routes;
}
