import type {
  AudienceCriteria,
  CampaignGenerationResponse,
  CampaignStatus,
  CampaignTrigger,
  CampaignType,
  Channel,
  ContentAsset,
  PerformanceGoals,
  PersonalizationLevel,
  SchedulingRequest,
  TemplateVariables,
} from "@mcb/contracts";
import { enqueueEvents } from "@mcb/db";
import type { CampaignRow, NewCampaignRow } from "./db";
import { lifecycleEvent, toGenerationResponse } from "./campaign-view";
import { ServiceError } from "@mcb/bus";
import type { EngineDeps } from "./engine-deps";
import { deterministicSuggestions } from "./domain/optimization-suggestions";
import { industryPriors, projectPerformance } from "./domain/performance-model";
import { nextSendWindow } from "./domain/send-window";
import { recordAudit } from "./audit";

/** Everything that decides a campaign, whichever way it was asked for. */
export interface CampaignPlan {
  tenant_id: string;
  owner_id: string;
  campaign_id: string;
  campaign_name: string;
  campaign_type: CampaignType;
  audience_name: string;
  criteria: AudienceCriteria;
  channels: Channel[];
  personalization_level: PersonalizationLevel;
  content_overrides: TemplateVariables;
  performance_goals: PerformanceGoals;
  scheduling: SchedulingRequest | undefined;
  template_id: string | undefined;
  trigger: CampaignTrigger;
  /** A draft is stored and forecast but not scheduled until launched. */
  save_as_draft: boolean;
  /** Set when the id was derived from an Idempotency-Key: the campaign may exist already. */
  request_fingerprint?: string | undefined;
}

export function campaignVariables(deps: EngineDeps, plan: Pick<CampaignPlan, "campaign_name" | "content_overrides">): TemplateVariables {
  return {
    agent_name: deps.config.AGENT_NAME,
    agency_name: deps.config.AGENCY_NAME,
    campaign_name: plan.campaign_name,
    ...(deps.config.AGENCY_WEBSITE_URL ? { cta_url: deps.config.AGENCY_WEBSITE_URL } : {}),
    ...plan.content_overrides,
  };
}

function chooseSendDate(deps: EngineDeps, scheduling: SchedulingRequest | undefined, audienceZone: string | null): { date: Date; timezone: string } {
  const timezone = scheduling?.timezone ?? audienceZone ?? deps.config.DEFAULT_TIMEZONE;
  const now = deps.now();
  if (scheduling?.send_immediately) return { date: now, timezone };
  if (scheduling?.send_at) return { date: new Date(scheduling.send_at), timezone };
  return { date: nextSendWindow(now, timezone), timezone };
}

/**
 * Asks the audience-service and template-renderer what this campaign would reach and say,
 * forecasts it, and stores it with its events in one transaction.
 */
export async function createPlannedCampaign(deps: EngineDeps, plan: CampaignPlan, started = performance.now()): Promise<CampaignGenerationResponse> {
  const earlier = plan.request_fingerprint ? await findCampaign(deps, plan.tenant_id, plan.campaign_id) : undefined;
  if (earlier) return replayOf(earlier, plan);
  const variables = campaignVariables(deps, plan);
  const [estimate, { template, previews }] = await Promise.all([
    deps.ask("svc.audience.estimate", { tenant_id: plan.tenant_id, criteria: plan.criteria, channels: plan.channels }),
    deps.ask("svc.template.prepare", {
      tenant_id: plan.tenant_id,
      campaign_type: plan.campaign_type,
      target_segments: plan.criteria.target_segments ?? [],
      channels: plan.channels,
      variables,
      ...(plan.template_id ? { template_id: plan.template_id } : {}),
    }),
  ]);
  const content_assets: ContentAsset[] = previews.map((p) => ({
    asset_id: `${plan.campaign_id}:${p.channel.toLowerCase()}`,
    channel: p.channel,
    template_id: template.template_id,
    template_version: template.version,
    ...(p.subject ? { subject: p.subject } : {}),
    preview_text: p.text.slice(0, 280),
  }));

  const history = await deps.history.get(plan.tenant_id, plan.campaign_type, plan.criteria.target_segments ?? []);
  const rates = history ?? industryPriors[plan.campaign_type];
  const expected = projectPerformance(estimate.estimated_reach, rates, history ? "tenant_history" : "industry_prior");
  const suggestions = deterministicSuggestions({
    campaign_type: plan.campaign_type,
    channels: plan.channels,
    segments: plan.criteria.target_segments ?? [],
    personalization_level: plan.personalization_level,
    goals: plan.performance_goals,
    expected: rates,
    audience_size: estimate.audience_size,
    estimated_reach: estimate.estimated_reach,
    has_content_overrides: Object.keys(plan.content_overrides).length > 0,
  });
  const send = chooseSendDate(deps, plan.scheduling, estimate.dominant_timezone);
  const status: CampaignStatus = plan.save_as_draft ? "DRAFT" : "SCHEDULED";
  const row: NewCampaignRow = {
    campaign_id: plan.campaign_id,
    tenant_id: plan.tenant_id,
    owner_id: plan.owner_id,
    campaign_name: plan.campaign_name,
    campaign_type: plan.campaign_type,
    campaign_status: status,
    audience: JSON.stringify({ audience_name: plan.audience_name, criteria: plan.criteria }),
    delivery_channels: plan.channels,
    personalization_level: plan.personalization_level,
    content_overrides: JSON.stringify(plan.content_overrides),
    performance_goals: JSON.stringify(plan.performance_goals),
    template_id: template.template_id,
    template_version: template.version,
    content_assets: JSON.stringify(content_assets),
    trigger: JSON.stringify(plan.trigger),
    scheduled_send_date: send.date,
    timezone: send.timezone,
    audience_size: estimate.audience_size,
    estimated_reach: estimate.estimated_reach,
    expected_performance: JSON.stringify(expected),
    suggestions: JSON.stringify(suggestions),
    generation_time_ms: performance.now() - started,
    request_fingerprint: plan.request_fingerprint ?? null,
  };
  const inserted = await deps.db.transaction().execute(async (trx) => {
    const created = await trx.insertInto("campaigns").values(row).onConflict((oc) => oc.column("campaign_id").doNothing()).returning("campaign_id").executeTakeFirst();
    if (!created) return false; // the same request (same derived id) won a race against this one
    const event = lifecycleEvent({ ...plan, campaign_status: status, scheduled_send_date: send.date, audience_size: estimate.audience_size });
    const announce = (subject: "campaign.created" | "campaign.scheduled") => ({ subject, event: { tenantId: plan.tenant_id, id: `${subject}:${plan.campaign_id}`, data: event, correlationId: plan.campaign_id } });
    await enqueueEvents(trx, status === "SCHEDULED" ? [announce("campaign.created"), announce("campaign.scheduled")] : [announce("campaign.created")]);
    await recordAudit(trx, { tenant_id: plan.tenant_id, campaign_id: plan.campaign_id, actor: plan.owner_id, action: "create", to_status: status, changes: { trigger: plan.trigger } });
    return true;
  });
  if (!inserted) {
    const winner = await findCampaign(deps, plan.tenant_id, plan.campaign_id);
    if (!winner) throw new ServiceError("CONFLICT", `campaign ${plan.campaign_id} exists under another tenant`);
    return replayOf(winner, plan);
  }
  deps.afterCommit({ due: status === "SCHEDULED" && send.date.getTime() <= deps.now().getTime() });

  return {
    success: true,
    campaign_id: plan.campaign_id,
    campaign_name: plan.campaign_name,
    audience_size: estimate.audience_size,
    estimated_reach: estimate.estimated_reach,
    generation_time_ms: Math.round((performance.now() - started) * 100) / 100,
    personalization_applied: plan.personalization_level !== "BASIC" || Object.keys(plan.content_overrides).length > 0,
    claude_optimization_suggestions: suggestions,
    scheduled_send_date: send.date.toISOString(),
    expected_performance: expected,
    campaign_status: status,
    template_id: template.template_id,
    optimizer: "deterministic",
  };
}

async function findCampaign(deps: EngineDeps, tenantId: string, campaignId: string) {
  return deps.db.selectFrom("campaigns").selectAll().where("tenant_id", "=", tenantId).where("campaign_id", "=", campaignId).executeTakeFirst();
}

/** The first answer again for the same key and body; another body under the key is refused. */
function replayOf(row: CampaignRow, plan: CampaignPlan): CampaignGenerationResponse {
  if (row.request_fingerprint !== (plan.request_fingerprint ?? null)) {
    throw new ServiceError("IDEMPOTENCY_MISMATCH", "this Idempotency-Key was used with a different request body");
  }
  return toGenerationResponse(row);
}
