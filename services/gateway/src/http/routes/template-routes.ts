import { z } from "zod";
import { AudienceSegment, CampaignTemplate, CampaignType } from "@mcb/contracts";
import type { RpcClient } from "@mcb/bus";
import { defineRoute, type RouteSpec } from "../route-spec";

/** `?target_segments=A,B` and `?target_segments=A&target_segments=B` both work. */
const segmentList = z.preprocess((value) => (typeof value === "string" ? value.split(",").filter(Boolean) : value), z.array(AudienceSegment).max(20));

const TemplateListQuery = z.strictObject({
  campaign_type: CampaignType.optional(),
  target_segments: segmentList.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().regex(/^o\d{1,6}$/, "a cursor this API issued").optional(),
});

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
      response: z.object({ items: z.array(CampaignTemplate), next_cursor: z.string().nullable() }),
      successStatus: 200,
      handle: async ({ query, principal }) => {
        const { limit, cursor, ...filters } = query;
        const { items } = await rpc.call("svc.template.list", { tenant_id: principal.tenant_id, ...filters });
        // A tenant's templates are few: the list is read whole and paged here, in a stable order.
        const offset = cursor ? Number(cursor.slice(1)) : 0;
        const page = items.slice(offset, offset + limit);
        return { items: page, next_cursor: offset + limit < items.length ? `o${offset + limit}` : null };
      },
    }),
  ];
}
