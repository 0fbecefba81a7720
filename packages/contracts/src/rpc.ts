import { z } from "zod";
import {
  AudienceCriteria,
  AudienceEstimate,
  ContactsUpsertRequest,
  ContactsUpsertResponse,
  Recipient,
} from "./audience";
import { CampaignCreationRequest, CampaignGenerationResponse, MarketingCampaign, PropertyCampaignRequest } from "./campaign";
import { AuditQuery, AuditTrail, CampaignAnalytics, CampaignList, CampaignListQuery, CampaignUpdateRequest, LifecycleAction, Ok } from "./campaign-management";
import { ComprehensiveValuation, ValuationCreated, ValuationInput } from "./valuation";
import { AudienceSegment, CampaignType, Channel, DeliverableChannel } from "./enums";
import { ServiceErrorBody } from "./errors";
import { Ping, ServiceName } from "./health";
import { CampaignTemplate, RenderedContent, RenderRequest } from "./template";
import { TemplateVariables } from "./primitives";

const Tenant = z.object({ tenant_id: z.string().min(1) });
/**
 * The client's Idempotency-Key and the fingerprint of its body, passed on so the engine derives
 * the new thing's id from the key: a retry after a timed-out answer finds what the first try
 * created instead of making another, and a different body under the key is refused.
 */
/** Which template suits a campaign: its type, segments and channels, or an explicit choice. */
const TemplateSelection = Tenant.extend({
  campaign_type: CampaignType,
  target_segments: z.array(AudienceSegment).default([]),
  channels: z.array(Channel).min(1),
  template_id: z.string().optional(),
});

const Idempotency = z.object({ key: z.string().min(1).max(255), fingerprint: z.string().regex(/^[0-9a-f]{64}$/) });

interface RpcSpec<Req extends z.ZodType, Res extends z.ZodType> {
  service: ServiceName;
  request: Req;
  response: Res;
  timeoutMs: number;
}

const rpc = <Req extends z.ZodType, Res extends z.ZodType>(spec: RpcSpec<Req, Res>) => spec;

/**
 * The request/reply catalog: every synchronous question one service asks another, its
 * subject (the key), the shapes both ways and how long the asker waits.
 */
export const rpcCatalog = {
  "svc.audience.estimate": rpc({
    service: "audience-service",
    request: Tenant.extend({ criteria: AudienceCriteria, channels: z.array(Channel).min(1) }),
    response: AudienceEstimate,
    timeoutMs: 2_000,
  }),
  "svc.audience.resolve": rpc({
    service: "audience-service",
    request: Tenant.extend({
      criteria: AudienceCriteria,
      channels: z.array(Channel).min(1),
      after: z.string().optional(),
      limit: z.number().int().min(1).max(5000).default(1000),
    }),
    response: z.object({ recipients: z.array(Recipient), next_after: z.string().nullable() }),
    timeoutMs: 5_000,
  }),
  "svc.audience.upsert": rpc({
    service: "audience-service",
    request: Tenant.extend({ contacts: ContactsUpsertRequest.shape.contacts }),
    response: ContactsUpsertResponse,
    timeoutMs: 10_000,
  }),
  "svc.template.list": rpc({
    service: "template-renderer",
    request: Tenant.extend({ campaign_type: CampaignType.optional(), target_segments: z.array(AudienceSegment).optional() }),
    response: z.object({ items: z.array(CampaignTemplate) }),
    timeoutMs: 2_000,
  }),
  "svc.template.select": rpc({
    service: "template-renderer",
    request: TemplateSelection,
    response: CampaignTemplate,
    timeoutMs: 2_000,
  }),
  /** Selection and the previews of the chosen template in one round trip (campaign planning). */
  "svc.template.prepare": rpc({
    service: "template-renderer",
    request: TemplateSelection.extend({ variables: TemplateVariables }),
    response: z.object({ template: CampaignTemplate, previews: z.array(RenderedContent) }),
    timeoutMs: 3_000,
  }),
  "svc.template.render": rpc({
    service: "template-renderer",
    request: RenderRequest,
    response: RenderedContent,
    timeoutMs: 2_000,
  }),
  /** What a delivery was, for the public unsubscribe link that carries only its id. */
  "svc.delivery.lookup": rpc({
    service: "ghl-delivery",
    request: z.object({ delivery_id: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/) }),
    response: z.object({ tenant_id: z.string(), campaign_id: z.string(), contact_id: z.string(), channel: DeliverableChannel }),
    timeoutMs: 2_000,
  }),
  "svc.campaign.create": rpc({
    service: "campaign-engine",
    request: Tenant.extend({ owner_id: z.string().min(1), request: CampaignCreationRequest, idempotency: Idempotency.optional() }),
    response: CampaignGenerationResponse,
    timeoutMs: 8_000,
  }),
  "svc.campaign.get": rpc({
    service: "campaign-engine",
    request: Tenant.extend({ campaign_id: z.string().min(1) }),
    response: MarketingCampaign,
    timeoutMs: 2_000,
  }),
  "svc.campaign.from_property": rpc({
    service: "campaign-engine",
    request: Tenant.extend({ owner_id: z.string().min(1), request: PropertyCampaignRequest, idempotency: Idempotency.optional() }),
    response: CampaignGenerationResponse,
    timeoutMs: 8_000,
  }),
  "svc.campaign.list": rpc({
    service: "campaign-engine",
    request: Tenant.extend({ query: CampaignListQuery }),
    response: CampaignList,
    timeoutMs: 3_000,
  }),
  "svc.campaign.update": rpc({
    service: "campaign-engine",
    request: Tenant.extend({ actor: z.string().min(1), campaign_id: z.string().min(1), changes: CampaignUpdateRequest }),
    response: MarketingCampaign,
    timeoutMs: 8_000,
  }),
  "svc.campaign.transition": rpc({
    service: "campaign-engine",
    request: Tenant.extend({ actor: z.string().min(1), campaign_id: z.string().min(1), action: LifecycleAction }),
    response: MarketingCampaign,
    timeoutMs: 3_000,
  }),
  "svc.campaign.delete": rpc({
    service: "campaign-engine",
    request: Tenant.extend({ actor: z.string().min(1), campaign_id: z.string().min(1) }),
    response: Ok,
    timeoutMs: 3_000,
  }),
  "svc.campaign.audit": rpc({
    service: "campaign-engine",
    request: Tenant.extend({ campaign_id: z.string().min(1), query: AuditQuery }),
    response: AuditTrail,
    timeoutMs: 3_000,
  }),
  "svc.campaign.analytics": rpc({
    service: "campaign-engine",
    request: Tenant.extend({ campaign_id: z.string().min(1) }),
    response: CampaignAnalytics,
    timeoutMs: 3_000,
  }),
  "svc.campaign.valuation_store": rpc({
    service: "campaign-engine",
    request: Tenant.extend({ valuation: ValuationInput, idempotency: Idempotency.optional() }),
    response: ValuationCreated,
    timeoutMs: 3_000,
  }),
  "svc.campaign.valuation_get": rpc({
    service: "campaign-engine",
    request: Tenant.extend({ valuation_id: z.string().min(1) }),
    response: ComprehensiveValuation,
    timeoutMs: 2_000,
  }),
} as const;

export type RpcSubject = keyof typeof rpcCatalog;
export type RpcRequest<S extends RpcSubject> = z.input<(typeof rpcCatalog)[S]["request"]>;
export type RpcResponse<S extends RpcSubject> = z.infer<(typeof rpcCatalog)[S]["response"]>;

/** Every reply is one of these two; errors carry a stable code the gateway maps to HTTP. */
export const RpcReply = z.discriminatedUnion("ok", [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: ServiceErrorBody }),
]);
export type RpcReply = z.infer<typeof RpcReply>;

/** Each service answers a ping on its own subject, so health can ask every one. */
export const pingSubject = (service: ServiceName): string => `svc.${service}.ping`;
export { Ping };
