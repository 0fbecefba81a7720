import type { AudienceSegment, CampaignType, Channel, PerformanceGoals, PersonalizationLevel } from "@mcb/contracts";
import type { EngagementRates } from "./performance-model";

export interface SuggestionInput {
  campaign_type: CampaignType;
  channels: readonly Channel[];
  segments: readonly AudienceSegment[];
  personalization_level: PersonalizationLevel;
  goals: PerformanceGoals;
  expected: EngagementRates;
  audience_size: number;
  estimated_reach: number;
  has_content_overrides: boolean;
}

const pct = (rate: number) => `${Math.round(rate * 1000) / 10}%`;

/**
 * Rule-based advice computed from the request and the forecast. It stands in when no Claude key
 * is configured, and it is labelled as such by the caller (`optimizer: "deterministic"`).
 */
export function deterministicSuggestions(input: SuggestionInput): string[] {
  const out: string[] = [];
  const luxury = input.segments.includes("LUXURY_BUYERS") || input.segments.includes("MOVE_UP_BUYERS");
  if (input.goals.open_rate !== undefined && input.goals.open_rate > input.expected.open_rate) {
    out.push(`Open-rate goal ${pct(input.goals.open_rate)} is above the expected ${pct(input.expected.open_rate)}: A/B test two subject lines`);
  }
  if (input.goals.click_rate !== undefined && input.goals.click_rate > input.expected.click_rate) {
    out.push(`Click goal ${pct(input.goals.click_rate)} exceeds the expected ${pct(input.expected.click_rate)}: use one clear call to action above the fold`);
  }
  if (luxury && input.campaign_type === "property_showcase") out.push("Enhanced subject line for luxury segment: lead with the neighborhood and one signature feature");
  if (input.channels.includes("SMS")) out.push("Keep the SMS under 160 characters so it sends as a single segment");
  if (input.channels.includes("SOCIAL_MEDIA") || input.channels.includes("DIRECT_MAIL")) {
    out.push("Social media and direct mail are planned but not sent automatically yet; email and SMS carry this campaign");
  }
  if (input.audience_size > 0 && input.estimated_reach < input.audience_size * 0.8) {
    out.push(`Only ${input.estimated_reach} of ${input.audience_size} matching contacts can be reached on the chosen channels: collect opt-ins or add a channel`);
  }
  if (input.audience_size === 0) out.push("No contacts match these filters yet: widen the geographic or engagement filters");
  if (input.personalization_level === "ADVANCED" || input.personalization_level === "PREMIUM") {
    if (!input.has_content_overrides) out.push("Add content overrides (property type, neighborhood) so advanced personalization has details to use");
  }
  if (input.campaign_type === "listing_promotion" || input.campaign_type === "conversion_campaign") out.push("Added urgency elements to CTA: name a date for the next step");
  return out.slice(0, 5);
}
