import type { CampaignGenerationResponse, PropertyCampaignRequest, TemplateVariables } from "@mcb/contracts";
import type { EngineDeps } from "./engine-deps";
import { newCampaignIdentity } from "./domain/campaign-ids";
import { createPlannedCampaign } from "./plan-campaign";
import { getValuation } from "./valuations";

const money = (n: number) => `$${Math.round(n).toLocaleString("en-US")}`;

/** How each pricing strategy is put to buyers, from the valuation's estimate and range. */
function priceMessage(strategy: string | undefined, estimate: number, low: number, high: number): string {
  switch (strategy) {
    case "premium":
      return `Positioned at the top of the market near ${money(high)}`;
    case "aggressive":
      return `Priced to move at ${money(low)}`;
    case "value":
      return `Strong value under ${money(estimate)}`;
    default:
      return `Competitively priced around ${money(estimate)}`;
  }
}

/** POST /campaigns/from-property: a campaign built from a stored valuation. */
export async function createCampaignFromProperty(
  deps: EngineDeps,
  input: { tenant_id: string; owner_id: string; request: PropertyCampaignRequest; idempotency?: { key: string; fingerprint: string } | undefined },
): Promise<CampaignGenerationResponse> {
  const started = performance.now();
  const { request } = input;
  const valuation = await getValuation(deps.db, input.tenant_id, request.property_valuation_id);
  const features = request.customizations.highlight_features ?? valuation.features.slice(0, 5);
  const preferences = request.delivery_preferences;
  const overrides: TemplateVariables = {
    property_address: valuation.property_address,
    property_type: valuation.property_type,
    bedrooms: valuation.bedrooms,
    bathrooms: valuation.bathrooms,
    square_feet: valuation.square_feet,
    estimated_value: valuation.estimated_value,
    price_message: priceMessage(request.customizations.pricing_strategy, valuation.estimated_value, valuation.value_range.low, valuation.value_range.high),
    highlight_features: features.map((f) => f.replace(/_/g, " ")),
    ...(request.customizations.pricing_strategy ? { pricing_strategy: request.customizations.pricing_strategy } : {}),
    ...(valuation.neighborhood ? { neighborhood: valuation.neighborhood } : {}),
    ...(valuation.city ? { city: valuation.city } : {}),
  };
  const name = request.customizations.campaign_name ?? `${valuation.property_address}: ${request.campaign_type.replace(/_/g, " ")}`;
  return createPlannedCampaign(
    deps,
    {
      tenant_id: input.tenant_id,
      owner_id: input.owner_id,
      ...newCampaignIdentity(input.tenant_id, "from-property", input.idempotency),
      campaign_name: name.slice(0, 150),
      campaign_type: request.campaign_type,
      audience_name: `${request.target_segments.join(", ")}${valuation.city ? ` near ${valuation.city}` : ""}`,
      criteria: {
        demographic_filters: {},
        geographic_filters: valuation.city ? { city: valuation.city, radius_miles: 15 } : {},
        behavioral_filters: {},
        target_segments: request.target_segments,
      },
      channels: preferences.channels,
      personalization_level: "ADVANCED",
      content_overrides: overrides,
      performance_goals: {},
      scheduling: preferences.timing === "immediate" ? { send_immediately: true } : preferences.send_at ? { send_at: preferences.send_at } : undefined,
      template_id: undefined,
      trigger: { kind: "property_valuation", valuation_id: valuation.valuation_id },
      save_as_draft: false,
    },
    started,
  );
}
