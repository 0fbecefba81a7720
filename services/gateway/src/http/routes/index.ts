import type { Bus, RpcClient } from "@mcb/bus";
import type { LatencyHistogram } from "@mcb/telemetry";
import type { HealthDeps } from "../../health";
import type { RouteSpec } from "../route-spec";
import { audienceRoutes } from "./audience-routes";
import { campaignRoutes } from "./campaign-routes";
import { docsRoutes } from "./docs-routes";
import { healthRoutes } from "./health-routes";
import { performanceRoutes } from "./performance-routes";
import { templateRoutes } from "./template-routes";
import { unsubscribeRoutes } from "./unsubscribe-routes";
import { valuationRoutes } from "./valuation-routes";

export interface RouteDeps {
  rpc: RpcClient;
  bus: Bus;
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
    ...unsubscribeRoutes(deps.rpc, deps.bus),
  ];
  routes.push(...docsRoutes(() => routes, `${deps.publicBaseUrl}`));
  return routes;
}
