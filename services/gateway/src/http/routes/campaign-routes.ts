import { z } from "zod";
import {
  AuditQuery,
  AuditTrail,
  CampaignAnalytics,
  CampaignCreationRequest,
  CampaignGenerationResponse,
  CampaignList,
  CampaignListQuery,
  CampaignUpdateRequest,
  LifecycleAction,
  MarketingCampaign,
  PropertyCampaignRequest,
} from "@mcb/contracts";
import type { RpcClient } from "@mcb/bus";
import { idempotencyOf } from "../middleware/idempotency-store";
import { defineRoute, HttpResult, type RouteSpec } from "../route-spec";

const id = (params: Record<string, string>) => params.id ?? "";

export function campaignRoutes(rpc: RpcClient): RouteSpec[] {
  const lifecycle = LifecycleAction.options.map((action) =>
    defineRoute({
      method: "post",
      path: `/campaigns/:id/${action}`,
      summary: `${action[0]!.toUpperCase()}${action.slice(1)} a campaign (409 names the current state if the move is not allowed)`,
      tag: "campaigns",
      auth: true,
      response: MarketingCampaign,
      successStatus: 200,
      handle: ({ params, principal }) => rpc.call("svc.campaign.transition", { tenant_id: principal.tenant_id, actor: principal.token_id, campaign_id: id(params), action }),
    }),
  );
  return [
    defineRoute({
      method: "post",
      path: "/campaigns/create",
      summary: "Create a marketing campaign: audience estimate, template, forecast and schedule",
      tag: "campaigns",
      auth: true,
      rateClass: "create",
      idempotent: true,
      body: CampaignCreationRequest,
      response: CampaignGenerationResponse,
      successStatus: 201,
      handle: ({ body, principal, req }) =>
        rpc.call("svc.campaign.create", { tenant_id: principal.tenant_id, owner_id: principal.token_id, request: body, ...idempotencyOf(req, body) }),
    }),
    defineRoute({
      method: "post",
      path: "/campaigns/from-property",
      summary: "Create a campaign from a stored property valuation",
      tag: "campaigns",
      auth: true,
      rateClass: "create",
      idempotent: true,
      body: PropertyCampaignRequest,
      response: CampaignGenerationResponse,
      successStatus: 201,
      handle: ({ body, principal, req }) =>
        rpc.call("svc.campaign.from_property", { tenant_id: principal.tenant_id, owner_id: principal.token_id, request: body, ...idempotencyOf(req, body) }),
    }),
    defineRoute({
      method: "get",
      path: "/campaigns",
      summary: "List campaigns, newest first, with filters and cursor pagination",
      tag: "campaigns",
      auth: true,
      query: CampaignListQuery,
      response: CampaignList,
      successStatus: 200,
      handle: ({ query, principal }) => rpc.call("svc.campaign.list", { tenant_id: principal.tenant_id, query }),
    }),
    defineRoute({
      method: "get",
      path: "/campaigns/:id",
      summary: "A campaign's full definition and status",
      tag: "campaigns",
      auth: true,
      response: MarketingCampaign,
      successStatus: 200,
      handle: ({ params, principal }) => rpc.call("svc.campaign.get", { tenant_id: principal.tenant_id, campaign_id: id(params) }),
    }),
    defineRoute({
      method: "patch",
      path: "/campaigns/:id",
      summary: "Edit a DRAFT or SCHEDULED campaign",
      tag: "campaigns",
      auth: true,
      body: CampaignUpdateRequest,
      response: MarketingCampaign,
      successStatus: 200,
      handle: ({ params, body, principal }) => rpc.call("svc.campaign.update", { tenant_id: principal.tenant_id, actor: principal.token_id, campaign_id: id(params), changes: body }),
    }),
    defineRoute({
      method: "delete",
      path: "/campaigns/:id",
      summary: "Delete a DRAFT campaign",
      tag: "campaigns",
      auth: true,
      response: z.null(),
      successStatus: 204,
      handle: async ({ params, principal }) => {
        await rpc.call("svc.campaign.delete", { tenant_id: principal.tenant_id, actor: principal.token_id, campaign_id: id(params) });
        return new HttpResult(204, undefined);
      },
    }),
    ...lifecycle,
    defineRoute({
      method: "get",
      path: "/campaigns/:id/audit",
      summary: "Who changed the campaign, how and when (oldest first, paginated)",
      tag: "campaigns",
      auth: true,
      query: AuditQuery,
      response: AuditTrail,
      successStatus: 200,
      handle: ({ params, query, principal }) => rpc.call("svc.campaign.audit", { tenant_id: principal.tenant_id, campaign_id: id(params), query }),
    }),
    defineRoute({
      method: "get",
      path: "/campaigns/:id/analytics",
      summary: "Delivery and engagement performance of a campaign",
      tag: "analytics",
      auth: true,
      rateClass: "analytics",
      response: CampaignAnalytics,
      successStatus: 200,
      handle: ({ params, principal }) => rpc.call("svc.campaign.analytics", { tenant_id: principal.tenant_id, campaign_id: id(params) }),
    }),
  ];
}
