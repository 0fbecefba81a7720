import { AudienceEstimateResponse, CampaignAudience, ContactsUpsertRequest, ContactsUpsertResponse } from "@mcb/contracts";
import type { RpcClient } from "@mcb/bus";
import { defineRoute, type RouteSpec } from "../route-spec";

export function audienceRoutes(rpc: RpcClient): RouteSpec[] {
  return [
    defineRoute({
      method: "post",
      path: "/audience/estimate",
      summary: "How many contacts match targeting criteria, and how many each channel can reach",
      tag: "audience",
      auth: true,
      rateClass: "analytics",
      body: CampaignAudience,
      response: AudienceEstimateResponse,
      successStatus: 200,
      handle: async ({ body, principal }) => {
        const estimate = await rpc.call("svc.audience.estimate", {
          tenant_id: principal.tenant_id,
          criteria: {
            demographic_filters: body.demographic_filters,
            geographic_filters: body.geographic_filters,
            behavioral_filters: { engagement_score_min: body.engagement_score_min, ...(body.ghl_tag_filters.length ? { tags: body.ghl_tag_filters } : {}) },
            ...(body.target_segments ? { target_segments: body.target_segments } : {}),
          },
          channels: body.delivery_channels ?? ["EMAIL", "SMS"],
        });
        return {
          audience_name: body.audience_name,
          estimated_size: estimate.audience_size,
          estimated_reach: estimate.estimated_reach,
          reachable_by_channel: estimate.reachable_by_channel,
          dominant_timezone: estimate.dominant_timezone,
          calculation_time_ms: estimate.calculation_time_ms,
        };
      },
    }),
    defineRoute({
      method: "post",
      path: "/contacts",
      summary: "Create or update contacts in bulk (matched by id, GHL id, email, then phone)",
      tag: "audience",
      auth: true,
      idempotent: true,
      body: ContactsUpsertRequest,
      response: ContactsUpsertResponse,
      successStatus: 200,
      handle: ({ body, principal }) => rpc.call("svc.audience.upsert", { tenant_id: principal.tenant_id, contacts: body.contacts }),
    }),
  ];
}
