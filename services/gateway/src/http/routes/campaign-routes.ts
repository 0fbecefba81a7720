import { CampaignCreationRequest, CampaignGenerationResponse, MarketingCampaign } from "@mcb/contracts";
import type { RpcClient } from "@mcb/bus";
import { defineRoute, type RouteSpec } from "../route-spec";

export function campaignRoutes(rpc: RpcClient): RouteSpec[] {
  return [
    defineRoute({
      method: "post",
      path: "/campaigns/create",
      summary: "Create a marketing campaign: audience estimate, template, forecast and schedule",
      tag: "campaigns",
      auth: true,
      rateClass: "create",
      body: CampaignCreationRequest,
      response: CampaignGenerationResponse,
      successStatus: 201,
      handle: ({ body, principal }) =>
        rpc.call("svc.campaign.create", { tenant_id: principal.tenant_id, owner_id: principal.token_id, request: body }),
    }),
    defineRoute({
      method: "get",
      path: "/campaigns/:id",
      summary: "A campaign's full definition and status",
      tag: "campaigns",
      auth: true,
      response: MarketingCampaign,
      successStatus: 200,
      handle: ({ params, principal }) => rpc.call("svc.campaign.get", { tenant_id: principal.tenant_id, campaign_id: params.id ?? "" }),
    }),
  ];
}
