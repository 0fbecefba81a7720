import { z } from "zod";
import { Recipient } from "./audience";
import { CampaignStatus, CampaignType, DeliverableChannel, EngagementLevel, PropertyType, WorkflowStage } from "./enums";
import { IsoDateTime, TemplateVariables } from "./primitives";
import { TemplateRef } from "./template";
import { ComprehensiveValuation } from "./valuation";

/** The one envelope every event travels in (ARCHITECTURE §3). `id` doubles as Nats-Msg-Id. */
export const EventEnvelope = z.object({
  id: z.string().min(1).max(200),
  type: z.string().min(1),
  version: z.number().int().positive(),
  occurred_at: IsoDateTime,
  tenant_id: z.string().min(1),
  correlation_id: z.string().optional(),
  data: z.unknown(),
});
export type EventEnvelope = z.infer<typeof EventEnvelope>;

export const SellerStageChanged = z.object({
  seller_id: z.string().min(1),
  contact_id: z.string().min(1),
  from_stage: WorkflowStage.optional(),
  to_stage: WorkflowStage,
  engagement_level: EngagementLevel.optional(),
  property: z
    .object({
      address: z.string().optional(),
      property_type: PropertyType.optional(),
      estimated_value: z.number().positive().optional(),
      neighborhood: z.string().optional(),
      city: z.string().optional(),
      valuation_id: z.string().optional(),
    })
    .optional(),
});
export type SellerStageChanged = z.infer<typeof SellerStageChanged>;

export const PropertyValuationCompleted = ComprehensiveValuation.omit({ created_at: true }).extend({
  created_at: z.string().optional(),
});
export type PropertyValuationCompleted = z.infer<typeof PropertyValuationCompleted>;

export const CampaignLifecycleEvent = z.object({
  campaign_id: z.string(),
  campaign_name: z.string(),
  campaign_type: CampaignType,
  campaign_status: CampaignStatus,
  scheduled_send_date: z.string().nullable(),
  audience_size: z.number().int().min(0).nullable(),
});
export type CampaignLifecycleEvent = z.infer<typeof CampaignLifecycleEvent>;

export const CampaignContentOptimized = z.object({
  campaign_id: z.string(),
  optimizer: z.enum(["claude", "deterministic"]),
  suggestions: z.array(z.string()),
});
export type CampaignContentOptimized = z.infer<typeof CampaignContentOptimized>;

/** One recipient × channel × campaign step; delivery_id is derived from those four. */
export const DeliveryRequested = z.object({
  delivery_id: z.string(),
  campaign_id: z.string(),
  step: z.number().int().min(0),
  channel: DeliverableChannel,
  recipient: Recipient,
  template: TemplateRef,
  variables: TemplateVariables,
});
export type DeliveryRequested = z.infer<typeof DeliveryRequested>;

export const DeliverySent = z.object({
  delivery_id: z.string(),
  campaign_id: z.string(),
  contact_id: z.string(),
  channel: DeliverableChannel,
  provider: z.string(),
  provider_message_id: z.string().nullable(),
  sent_at: IsoDateTime,
});
export type DeliverySent = z.infer<typeof DeliverySent>;

export const DeliveryFailed = z.object({
  delivery_id: z.string(),
  campaign_id: z.string(),
  contact_id: z.string(),
  channel: DeliverableChannel,
  provider: z.string().nullable(),
  code: z.string(),
  reason: z.string(),
});
export type DeliveryFailed = z.infer<typeof DeliveryFailed>;

export const EngagementKind = z.enum(["delivered", "opened", "clicked", "replied", "converted", "unsubscribed", "bounced", "complained"]);
export type EngagementKind = z.infer<typeof EngagementKind>;

export const EngagementRecorded = z.object({
  campaign_id: z.string().nullable(),
  contact_id: z.string().nullable(),
  delivery_id: z.string().nullable(),
  channel: DeliverableChannel,
  kind: EngagementKind,
  occurred_at: IsoDateTime,
});
export type EngagementRecorded = z.infer<typeof EngagementRecorded>;

export const ProviderEvent = z.object({
  provider: z.enum(["sendgrid", "twilio", "ghl"]),
  received_at: IsoDateTime,
  payload: z.unknown(),
});
export type ProviderEvent = z.infer<typeof ProviderEvent>;
