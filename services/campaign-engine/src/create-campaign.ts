import type { CampaignCreationRequest, CampaignGenerationResponse } from "@mcb/contracts";
import type { EngineDeps } from "./engine-deps";
import { newCampaignIdentity } from "./domain/campaign-ids";
import { createPlannedCampaign } from "./plan-campaign";

/** svc.campaign.create: the seed's POST /campaigns/create. */
export async function createCampaignFromRequest(
  deps: EngineDeps,
  input: { tenant_id: string; owner_id: string; request: CampaignCreationRequest; idempotency?: { key: string; fingerprint: string } | undefined },
): Promise<CampaignGenerationResponse> {
  const started = performance.now();
  const { request } = input;
  const criteria = request.target_audience_criteria;
  return createPlannedCampaign(
    deps,
    {
      tenant_id: input.tenant_id,
      owner_id: input.owner_id,
      ...newCampaignIdentity(input.tenant_id, "create", input.idempotency),
      campaign_name: request.campaign_name,
      campaign_type: request.campaign_type,
      audience_name: `${request.campaign_name} audience`,
      criteria: {
        demographic_filters: criteria.demographic_filters,
        geographic_filters: criteria.geographic_filters,
        behavioral_filters: criteria.behavioral_filters,
        ...(criteria.target_segments ? { target_segments: criteria.target_segments } : {}),
      },
      channels: request.delivery_channels,
      personalization_level: request.personalization_level,
      content_overrides: request.content_overrides,
      performance_goals: request.performance_goals,
      scheduling: request.scheduling,
      template_id: request.template_id,
      trigger: { kind: "api" },
      save_as_draft: request.save_as_draft ?? false,
    },
    started,
  );
}
