import type { ConsumedEvent, HandlerOutcome } from "@mcb/bus";
import { ok, retryLater } from "@mcb/bus";
import { claimEvent } from "@mcb/db";
import { AudienceCriteria } from "@mcb/contracts";
import type { EngineDeps } from "./engine-deps";
import { derivedCampaignId } from "./domain/campaign-ids";
import { stagePlaybook } from "./domain/stage-playbook";
import { createPlannedCampaign } from "./plan-campaign";

export const STAGE_CONSUMER = "campaign-engine-stage";

/**
 * seller.stage.changed: the seller entered a stage, so they get that stage's campaign, sent now.
 * The campaign id is derived from the event, so a redelivery finds the campaign already there.
 */
export async function handleStageChanged(deps: EngineDeps, event: ConsumedEvent<"seller.stage.changed">): Promise<HandlerOutcome> {
  const { data, envelope } = event;
  const play = stagePlaybook[data.to_stage];
  const campaignId = derivedCampaignId(envelope.tenant_id, "stage", envelope.id);
  const existing = await deps.db.selectFrom("campaigns").select("campaign_id").where("campaign_id", "=", campaignId).executeTakeFirst();
  if (existing) return ok();

  const known = await deps.ask("svc.audience.resolve", {
    tenant_id: envelope.tenant_id,
    criteria: { contact_ids: [data.contact_id] },
    channels: play.channels,
    limit: 1,
  });
  // The contact may still be on its way from the CRM sync: retry, then dead-letter with why.
  if (known.recipients.length === 0) return retryLater(`contact ${data.contact_id} is unknown or unreachable on ${play.channels.join("/")}`);

  const property = data.property;
  await createPlannedCampaign(deps, {
    tenant_id: envelope.tenant_id,
    owner_id: "workflow",
    campaign_id: campaignId,
    campaign_name: `${play.label}: seller ${data.seller_id}`,
    campaign_type: play.campaign_type,
    audience_name: `Seller ${data.seller_id}`,
    criteria: AudienceCriteria.parse({ contact_ids: [data.contact_id] }),
    channels: play.channels,
    personalization_level: "ADVANCED",
    content_overrides: {
      ...(property?.address ? { property_address: property.address } : {}),
      ...(property?.property_type ? { property_type: property.property_type } : {}),
      ...(property?.estimated_value ? { estimated_value: property.estimated_value } : {}),
      ...(property?.neighborhood ? { neighborhood: property.neighborhood } : {}),
      ...(property?.city ? { city: property.city } : {}),
      ...(data.engagement_level ? { engagement_level: data.engagement_level } : {}),
      workflow_stage: data.to_stage,
    },
    performance_goals: {},
    scheduling: { send_immediately: true },
    template_id: undefined,
    trigger: { kind: "seller_stage", seller_id: data.seller_id, contact_id: data.contact_id, stage: data.to_stage },
    save_as_draft: false,
  });
  // Record the event as applied; the campaign insert above already made a replay harmless.
  await claimEvent(deps.db, STAGE_CONSUMER, envelope.id);
  return ok();
}
