import type { CampaignGenerationResponse, CampaignLifecycleEvent, MarketingCampaign } from "@mcb/contracts";
import type { CampaignRow } from "./db";

const iso = (value: Date | null) => (value ? value.toISOString() : null);

/** The stored row as the seed's MarketingCampaign (GET /campaigns/{id}). */
export function toMarketingCampaign(row: CampaignRow): MarketingCampaign {
  const criteria = row.audience.criteria;
  return {
    campaign_id: row.campaign_id,
    campaign_name: row.campaign_name,
    campaign_type: row.campaign_type,
    campaign_status: row.campaign_status,
    target_audience: {
      audience_name: row.audience.audience_name,
      estimated_size: row.audience_size,
      estimated_reach: row.estimated_reach,
      demographic_filters: criteria.demographic_filters ?? {},
      geographic_filters: criteria.geographic_filters ?? {},
      behavioral_filters: criteria.behavioral_filters ?? {},
      ghl_tag_filters: criteria.behavioral_filters?.tags ?? [],
      engagement_score_min: criteria.behavioral_filters?.engagement_score_min ?? 0,
      target_segments: criteria.target_segments ?? [],
      ...(criteria.contact_ids ? { contact_ids: criteria.contact_ids } : {}),
    },
    personalization_config: { personalization_level: row.personalization_level, content_overrides: row.content_overrides },
    delivery_channels: row.delivery_channels,
    scheduling_config: { scheduled_send_date: iso(row.scheduled_send_date), timezone: row.timezone },
    performance_goals: row.performance_goals,
    content_assets: row.content_assets,
    template_id: row.template_id,
    template_version: row.template_version,
    trigger: row.trigger,
    owner_id: row.owner_id,
    created_at: row.created_at.toISOString(),
    updated_at: new Date(row.updated_at).toISOString(),
    launched_at: iso(row.launched_at),
  };
}

export function lifecycleEvent(row: Pick<CampaignRow, "campaign_id" | "campaign_name" | "campaign_type" | "campaign_status" | "scheduled_send_date" | "audience_size">): CampaignLifecycleEvent {
  return {
    campaign_id: row.campaign_id,
    campaign_name: row.campaign_name,
    campaign_type: row.campaign_type,
    campaign_status: row.campaign_status,
    scheduled_send_date: iso(row.scheduled_send_date),
    audience_size: row.audience_size,
  };
}

/** The generation response as first given, rebuilt from the stored campaign (for replays). */
export function toGenerationResponse(row: CampaignRow): CampaignGenerationResponse {
  return {
    success: true,
    campaign_id: row.campaign_id,
    campaign_name: row.campaign_name,
    audience_size: row.audience_size ?? 0,
    estimated_reach: row.estimated_reach ?? 0,
    generation_time_ms: Math.round(row.generation_time_ms * 100) / 100,
    personalization_applied: row.personalization_level !== "BASIC" || Object.keys(row.content_overrides).length > 0,
    claude_optimization_suggestions: row.suggestions,
    scheduled_send_date: iso(row.scheduled_send_date),
    expected_performance: row.expected_performance,
    campaign_status: row.campaign_status,
    template_id: row.template_id,
    optimizer: "deterministic",
  };
}
