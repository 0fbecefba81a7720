import { z } from "zod";
import { BehavioralFilters, DemographicFilters, GeographicFilters, TargetAudienceCriteria } from "./audience";
import { AudienceSegment, CampaignStatus, CampaignType, Channel, PersonalizationLevel, WorkflowStage } from "./enums";
import { ContentOverrides, IsoDateTime, Rate, TemplateVariables, TimeZone } from "./primitives";

export const PerformanceGoals = z.strictObject({
  open_rate: Rate.optional(),
  click_rate: Rate.optional(),
  conversion_rate: Rate.optional(),
  roi: z.number().min(0).max(1000).optional(),
});
export type PerformanceGoals = z.infer<typeof PerformanceGoals>;

/** When to send: an explicit time, or the next good window in the audience's time zone. */
export const SchedulingRequest = z.strictObject({
  send_at: IsoDateTime.optional(),
  timezone: TimeZone.optional(),
  send_immediately: z.boolean().optional(),
});
export type SchedulingRequest = z.infer<typeof SchedulingRequest>;

/** POST /campaigns/create (seed example 1). */
export const CampaignCreationRequest = z.strictObject({
  campaign_name: z.string().trim().min(1).max(150),
  campaign_type: CampaignType,
  target_audience_criteria: TargetAudienceCriteria,
  delivery_channels: z.array(Channel).min(1).max(5),
  personalization_level: PersonalizationLevel.default("STANDARD"),
  content_overrides: ContentOverrides.default({}),
  performance_goals: PerformanceGoals.default({}),
  scheduling: SchedulingRequest.optional(),
  template_id: z.string().min(1).max(100).optional(),
  /** Keep the campaign as a DRAFT (editable, not scheduled) instead of scheduling it. */
  save_as_draft: z.boolean().optional(),
});
export type CampaignCreationRequest = z.infer<typeof CampaignCreationRequest>;

/** POST /campaigns/from-property (seed example 2). */
export const PropertyCampaignRequest = z.strictObject({
  property_valuation_id: z.string().min(1).max(100),
  campaign_type: CampaignType.default("property_showcase"),
  target_segments: z.array(AudienceSegment).min(1).max(20),
  delivery_preferences: z
    .strictObject({
      channels: z.array(Channel).min(1).max(5),
      timing: z.enum(["immediate", "optimal", "scheduled"]).default("optimal"),
      frequency: z.enum(["light", "standard", "intensive"]).default("standard"),
      send_at: IsoDateTime.optional(),
    })
    .default({ channels: ["EMAIL"], timing: "optimal", frequency: "standard" }),
  customizations: z
    .strictObject({
      highlight_features: z.array(z.string().min(1).max(100)).max(20).optional(),
      pricing_strategy: z.enum(["market_competitive", "premium", "aggressive", "value"]).optional(),
      campaign_name: z.string().trim().min(1).max(150).optional(),
    })
    .default({}),
});
export type PropertyCampaignRequest = z.infer<typeof PropertyCampaignRequest>;

export const ExpectedPerformance = z.object({
  projected_opens: z.number().int().min(0),
  projected_clicks: z.number().int().min(0),
  projected_conversions: z.number().int().min(0),
  /** Whether the rates came from this tenant's past campaigns or from stated industry priors. */
  basis: z.enum(["tenant_history", "industry_prior"]),
  rates: z.object({ open_rate: z.number(), click_rate: z.number(), conversion_rate: z.number() }),
});
export type ExpectedPerformance = z.infer<typeof ExpectedPerformance>;

/** Exactly the seed's CampaignGenerationResponse (seed example 1 response). */
export const SeedCampaignGenerationResponse = z.object({
  success: z.boolean(),
  campaign_id: z.string(),
  campaign_name: z.string(),
  audience_size: z.number().int().min(0),
  estimated_reach: z.number().int().min(0),
  generation_time_ms: z.number().min(0),
  personalization_applied: z.boolean(),
  claude_optimization_suggestions: z.array(z.string()),
  scheduled_send_date: z.string().nullable(),
  expected_performance: z.object({
    projected_opens: z.number().int().min(0),
    projected_clicks: z.number().int().min(0),
    projected_conversions: z.number().int().min(0),
  }),
});

/** What we answer: the seed's shape, extended compatibly with where the numbers came from. */
export const CampaignGenerationResponse = SeedCampaignGenerationResponse.extend({
  expected_performance: ExpectedPerformance,
  campaign_status: CampaignStatus,
  template_id: z.string(),
  optimizer: z.enum(["claude", "deterministic"]),
});
export type CampaignGenerationResponse = z.infer<typeof CampaignGenerationResponse>;

export const ContentAsset = z.object({
  asset_id: z.string(),
  channel: Channel,
  template_id: z.string(),
  template_version: z.number().int().positive(),
  subject: z.string().optional(),
  preview_text: z.string(),
});
export type ContentAsset = z.infer<typeof ContentAsset>;

export const CampaignTrigger = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("api") }),
  z.object({ kind: z.literal("seller_stage"), seller_id: z.string(), contact_id: z.string(), stage: WorkflowStage }),
  z.object({ kind: z.literal("property_valuation"), valuation_id: z.string() }),
]);
export type CampaignTrigger = z.infer<typeof CampaignTrigger>;

/** The seed's MarketingCampaign, as GET /campaigns/{id} returns it. */
export const MarketingCampaign = z.object({
  campaign_id: z.string(),
  campaign_name: z.string(),
  campaign_type: CampaignType,
  campaign_status: CampaignStatus,
  target_audience: z.object({
    audience_name: z.string(),
    estimated_size: z.number().int().nullable(),
    estimated_reach: z.number().int().nullable(),
    demographic_filters: DemographicFilters,
    geographic_filters: GeographicFilters,
    behavioral_filters: BehavioralFilters,
    ghl_tag_filters: z.array(z.string()),
    engagement_score_min: z.number(),
    target_segments: z.array(AudienceSegment),
    contact_ids: z.array(z.string()).optional(),
  }),
  personalization_config: z.object({
    personalization_level: PersonalizationLevel,
    content_overrides: TemplateVariables,
  }),
  delivery_channels: z.array(Channel),
  scheduling_config: z.object({
    scheduled_send_date: z.string().nullable(),
    timezone: z.string().nullable(),
  }),
  performance_goals: PerformanceGoals,
  content_assets: z.array(ContentAsset),
  template_id: z.string(),
  template_version: z.number().int(),
  trigger: CampaignTrigger,
  owner_id: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  launched_at: z.string().nullable(),
});
export type MarketingCampaign = z.infer<typeof MarketingCampaign>;
