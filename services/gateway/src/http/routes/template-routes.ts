import { z } from "zod";
import { AudienceSegment, CampaignTemplate, CampaignType } from "@mcb/contracts";
import type { RpcClient } from "@mcb/bus";
import { defineRoute, type RouteSpec } from "../route-spec";

/** `?target_segments=A,B` and `?target_segments=A&target_segments=B` both work. */
const segmentList = z.preprocess((value) => (typeof value === "string" ? value.split(",").filter(Boolean) : value), z.array(AudienceSegment).max(20));

export const TemplateListQuery = z.strictObject({ campaign_type: CampaignType.optional(), target_segments: segmentList.optional() });

export function templateRoutes(rpc: RpcClient): RouteSpec[] {
  return [
    defineRoute({
      method: "get",
      path: "/templates",
      summary: "Real-estate templates: the library and the tenant's own, filtered by campaign type and segments",
      tag: "templates",
      auth: true,
      rateClass: "templates",
      query: TemplateListQuery,
      response: z.object({ items: z.array(CampaignTemplate), next_cursor: z.null() }),
      successStatus: 200,
      handle: async ({ query, principal }) => {
        const { items } = await rpc.call("svc.template.list", { tenant_id: principal.tenant_id, ...query });
        return { items, next_cursor: null };
      },
    }),
  ];
}
