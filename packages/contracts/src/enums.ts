import { z } from "zod";

/** The seed's campaign types, plus the workflow table's conversion campaign. */
export const CampaignType = z.enum([
  "property_showcase",
  "lead_nurturing",
  "market_update",
  "seller_education",
  "buyer_alerts",
  "listing_promotion",
  "conversion_campaign",
]);
export type CampaignType = z.infer<typeof CampaignType>;

export const CampaignStatus = z.enum(["DRAFT", "SCHEDULED", "ACTIVE", "PAUSED", "COMPLETED", "CANCELLED"]);
export type CampaignStatus = z.infer<typeof CampaignStatus>;

export const Channel = z.enum(["EMAIL", "SMS", "SOCIAL_MEDIA", "DIRECT_MAIL", "GHL_WORKFLOW"]);
export type Channel = z.infer<typeof Channel>;

/** Channels a delivery worker can send one recipient today. */
export const DeliverableChannel = z.enum(["EMAIL", "SMS"]);
export type DeliverableChannel = z.infer<typeof DeliverableChannel>;

export const PersonalizationLevel = z.enum(["BASIC", "STANDARD", "ADVANCED", "PREMIUM"]);
export type PersonalizationLevel = z.infer<typeof PersonalizationLevel>;

export const AudienceSegment = z.enum([
  "LUXURY_BUYERS",
  "MOVE_UP_BUYERS",
  "FIRST_TIME_BUYERS",
  "INVESTORS",
  "DOWNSIZERS",
  "RELOCATING_BUYERS",
  "SELLERS",
  "PAST_CLIENTS",
  "SPHERE_OF_INFLUENCE",
]);
export type AudienceSegment = z.infer<typeof AudienceSegment>;

/** The seller workflow stages of the seed's workflow table, in pipeline order. */
export const WorkflowStage = z.enum([
  "initial_contact",
  "information_gathering",
  "market_education",
  "property_evaluation",
  "pricing_discussion",
  "contract_preparation",
]);
export type WorkflowStage = z.infer<typeof WorkflowStage>;

export const EngagementLevel = z.enum(["low", "medium", "high"]);
export type EngagementLevel = z.infer<typeof EngagementLevel>;

export const PropertyType = z.enum([
  "single_family",
  "condo",
  "luxury_condo",
  "townhouse",
  "multi_family",
  "land",
  "commercial",
  "other",
]);
export type PropertyType = z.infer<typeof PropertyType>;
