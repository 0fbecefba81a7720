import { PerformanceBenchmarks, ServiceName, type LatencySummary } from "@mcb/contracts";
import type { RpcClient } from "@mcb/bus";
import type { LatencyHistogram } from "@mcb/telemetry";
import { defineRoute, type RouteSpec } from "../route-spec";

/** The seed's stated targets (its MARKETING_PERFORMANCE_BENCHMARKS), in milliseconds. */
export const seedTargetsMs = {
  campaign_generation: 300,
  template_rendering: 150,
  audience_calculation: 200,
  claude_optimization: 500,
};

/** Which live measurement answers which target. */
const measuredBy: Record<string, { service: ServiceName; endpoint: string; target: keyof typeof seedTargetsMs }> = {
  campaign_generation: { service: "campaign-engine", endpoint: "svc.campaign.create", target: "campaign_generation" },
  template_rendering: { service: "template-renderer", endpoint: "svc.template.render", target: "template_rendering" },
  // Selection plus a preview per channel, as campaign creation asks for it: held to the rendering target.
  template_preparation: { service: "template-renderer", endpoint: "svc.template.prepare", target: "template_rendering" },
  audience_calculation: { service: "audience-service", endpoint: "svc.audience.estimate", target: "audience_calculation" },
};

export function performanceRoutes(rpc: RpcClient, gatewayLatency: Map<string, LatencyHistogram>): RouteSpec[] {
  return [
    defineRoute({
      method: "get",
      path: "/performance/benchmarks",
      summary: "Live latency percentiles measured by every service since it started, beside the seed's targets",
      tag: "operations",
      auth: true,
      rateClass: "analytics",
      response: PerformanceBenchmarks,
      successStatus: 200,
      handle: async () => {
        const services: PerformanceBenchmarks["services"] = {};
        await Promise.all(
          ServiceName.options.map(async (name) => {
            if (name === "gateway") {
              services[name] = { status: "up", endpoints: Object.fromEntries([...gatewayLatency].map(([route, h]) => [route, h.summary()])) };
              return;
            }
            try {
              const ping = await rpc.ping(name);
              services[name] = { status: "up", endpoints: ping.latency };
            } catch {
              services[name] = { status: "down", endpoints: {} };
            }
          }),
        );
        const measurements: PerformanceBenchmarks["measurements"] = {};
        for (const [key, source] of Object.entries(measuredBy)) {
          const summary: LatencySummary | undefined = services[source.service]?.endpoints[source.endpoint];
          if (!summary) continue;
          const target = seedTargetsMs[source.target];
          measurements[key] = { ...summary, target_ms: target, within_target: summary.count ? summary.p95_ms <= target : null };
        }
        const http = gatewayLatency.get("POST /campaigns/create")?.summary();
        if (http) measurements.campaign_creation_http = { ...http, target_ms: seedTargetsMs.campaign_generation, within_target: http.count ? http.p95_ms <= seedTargetsMs.campaign_generation : null };
        return { measured_at: new Date().toISOString(), targets: seedTargetsMs, measurements, services };
      },
    }),
  ];
}
