import { z } from "zod";
import { TargetAudienceCriteria } from "./audience";
import { PerformanceGoals, SchedulingRequest } from "./campaign";
import { CampaignStatus, CampaignType, Channel, PersonalizationLevel } from "./enums";
import { ContentOverrides, IsoDateTime } from "./primitives";
import { LatencySummary } from "./health";

/** GET /campaigns query: filters and cursor pagination, newest first. */
export const CampaignListQuery = z.strictObject({
  status: CampaignStatus.optional(),
  campaign_type: CampaignType.optional(),
  owner_id: z.string().min(1).max(100).optional(),
  created_after: IsoDateTime.optional(),
  created_before: IsoDateTime.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(200).optional(),
});
export type CampaignListQuery = z.infer<typeof CampaignListQuery>;

export const CampaignSummary = z.object({
  campaign_id: z.string(),
  campaign_name: z.string(),
  campaign_type: CampaignType,
  campaign_status: CampaignStatus,
  owner_id: z.string(),
  audience_size: z.number().int().nullable(),
  estimated_reach: z.number().int().nullable(),
  scheduled_send_date: z.string().nullable(),
  created_at: z.string(),
});
export type CampaignSummary = z.infer<typeof CampaignSummary>;

export const CampaignList = z.object({ items: z.array(CampaignSummary), next_cursor: z.string().nullable() });
export type CampaignList = z.infer<typeof CampaignList>;

/** PATCH /campaigns/{id}: any of these, for a DRAFT or SCHEDULED campaign. */
export const CampaignUpdateRequest = z
  .strictObject({
    campaign_name: z.string().trim().min(1).max(150).optional(),
    target_audience_criteria: TargetAudienceCriteria.optional(),
    delivery_channels: z.array(Channel).min(1).max(5).optional(),
    personalization_level: PersonalizationLevel.optional(),
    content_overrides: ContentOverrides.optional(),
    performance_goals: PerformanceGoals.optional(),
    scheduling: SchedulingRequest.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: "send at least one field to change" });
export type CampaignUpdateRequest = z.infer<typeof CampaignUpdateRequest>;

export const LifecycleAction = z.enum(["launch", "pause", "resume", "cancel"]);
export type LifecycleAction = z.infer<typeof LifecycleAction>;

export const AuditEntry = z.object({
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  from_status: CampaignStatus.nullable(),
  to_status: CampaignStatus.nullable(),
  changes: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
export const AuditQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().regex(/^\d{1,18}$/, "a cursor this API issued").optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;
/** Oldest first, paginated: a long-lived campaign's trail would not fit in one answer. */
export const AuditTrail = z.object({ campaign_id: z.string(), items: z.array(AuditEntry), next_cursor: z.string().nullable() });
export type AuditTrail = z.infer<typeof AuditTrail>;

/** The seed's CampaignAnalytics (GET /campaigns/{id}/analytics). */
export const CampaignAnalytics = z.object({
  campaign_id: z.string(),
  performance_summary: z.object({
    status: CampaignStatus,
    sent_count: z.number().int(),
    delivery_rate: z.number(),
    open_rate: z.number(),
    click_rate: z.number(),
    conversion_rate: z.number(),
    roi: z.number().nullable(),
    total_revenue: z.number(),
  }),
  engagement_timeline: z.array(
    z.object({ hour: z.string(), sent: z.number().int(), delivered: z.number().int(), opened: z.number().int(), clicked: z.number().int(), converted: z.number().int() }),
  ),
  audience_insights: z.object({
    audience_size: z.number().int().nullable(),
    estimated_reach: z.number().int().nullable(),
    deliveries_requested: z.number().int(),
    deliveries_failed: z.number().int(),
    by_channel: z.record(z.string(), z.object({ sent: z.number().int(), failed: z.number().int() })),
  }),
  optimization_recommendations: z.array(z.string()),
  goals: PerformanceGoals,
});
export type CampaignAnalytics = z.infer<typeof CampaignAnalytics>;

export const AudienceEstimateResponse = z.object({
  audience_name: z.string(),
  estimated_size: z.number().int(),
  estimated_reach: z.number().int(),
  reachable_by_channel: z.record(z.string(), z.number().int()),
  dominant_timezone: z.string().nullable(),
  calculation_time_ms: z.number(),
});
export type AudienceEstimateResponse = z.infer<typeof AudienceEstimateResponse>;


export const PerformanceBenchmarks = z.object({
  measured_at: z.string(),
  targets: z.record(z.string(), z.number()),
  measurements: z.record(z.string(), LatencySummary.extend({ target_ms: z.number().nullable(), within_target: z.boolean().nullable() })),
  services: z.record(z.string(), z.object({ status: z.enum(["up", "down"]), endpoints: z.record(z.string(), LatencySummary) })),
});
export type PerformanceBenchmarks = z.infer<typeof PerformanceBenchmarks>;

export const Ok = z.object({ ok: z.literal(true) });
