import { sql } from "kysely";
import type { CampaignUpdateRequest, LifecycleAction, MarketingCampaign, Subject } from "@mcb/contracts";
import { ServiceError } from "@mcb/bus";
import { enqueueEvent } from "@mcb/db";
import { completeIfSettled } from "./launcher";
import { recordAudit } from "./audit";
import { assertAllowed, lockCampaign } from "./campaign-lookup";
import { lifecycleEvent, toMarketingCampaign } from "./campaign-view";
import type { EngineDeps } from "./engine-deps";
import { nextStatus } from "./domain/campaign-lifecycle";
import { nextSendWindow } from "./domain/send-window";

const eventFor: Record<LifecycleAction, Subject> = {
  launch: "campaign.scheduled",
  pause: "campaign.paused",
  resume: "campaign.resumed",
  cancel: "campaign.cancelled",
};

/** launch / pause / resume / cancel, checked against the state machine, audited, announced. */
export async function transitionCampaign(deps: EngineDeps, input: { tenant_id: string; actor: string; campaign_id: string; action: LifecycleAction }): Promise<MarketingCampaign> {
  const updated = await deps.db.transaction().execute(async (trx) => {
    const row = await lockCampaign(trx, input.tenant_id, input.campaign_id);
    assertAllowed(input.action, row);
    const to = nextStatus(input.action, row);
    const next = await trx
      .updateTable("campaigns")
      .set({
        campaign_status: to,
        updated_at: sql`now()`,
        ...(input.action === "launch" ? { scheduled_send_date: deps.now() } : {}),
        ...(input.action === "cancel" ? { completed_at: sql`now()` } : {}),
      })
      .where("campaign_id", "=", row.campaign_id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { tenant_id: input.tenant_id, campaign_id: row.campaign_id, actor: input.actor, action: input.action, from_status: row.campaign_status, to_status: to });
    const subject = eventFor[input.action];
    await enqueueEvent(trx, subject as "campaign.paused", {
      tenantId: input.tenant_id,
      id: `${subject}:${row.campaign_id}:${Date.now()}`,
      data: lifecycleEvent(next),
      correlationId: row.campaign_id,
    });
    // Outcomes counted while paused may already cover every delivery.
    if (to === "ACTIVE" && (await completeIfSettled(trx, row.campaign_id))) {
      return trx.selectFrom("campaigns").selectAll().where("campaign_id", "=", row.campaign_id).executeTakeFirstOrThrow();
    }
    return next;
  });
  deps.afterCommit({ due: updated.campaign_status === "SCHEDULED" });
  return toMarketingCampaign(updated);
}

/** PATCH: edits a DRAFT or SCHEDULED campaign; the audit keeps each field's old and new value. */
export async function updateCampaign(deps: EngineDeps, input: { tenant_id: string; actor: string; campaign_id: string; changes: CampaignUpdateRequest }): Promise<MarketingCampaign> {
  const { changes } = input;
  const estimate = changes.target_audience_criteria || changes.delivery_channels ? await reestimate(deps, input) : undefined;
  const updated = await deps.db.transaction().execute(async (trx) => {
    const row = await lockCampaign(trx, input.tenant_id, input.campaign_id);
    assertAllowed("edit", row);
    if (row.launch_cursor !== null || row.deliveries_total > 0) {
      // Half its audience already has delivery requests: new criteria would mix two audiences.
      throw new ServiceError("INVALID_STATE", "the campaign's launch has started; pause or cancel it instead of editing", { details: { current_status: row.campaign_status } });
    }
    const diff: Record<string, { from: unknown; to: unknown }> = {};
    const set: Record<string, unknown> = { updated_at: sql`now()` };
    const change = (field: string, from: unknown, to: unknown, stored: unknown = to) => {
      diff[field] = { from, to };
      set[field] = stored;
    };
    if (changes.campaign_name !== undefined) change("campaign_name", row.campaign_name, changes.campaign_name);
    if (changes.delivery_channels) change("delivery_channels", row.delivery_channels, changes.delivery_channels);
    if (changes.personalization_level) change("personalization_level", row.personalization_level, changes.personalization_level);
    if (changes.content_overrides) change("content_overrides", row.content_overrides, changes.content_overrides, JSON.stringify(changes.content_overrides));
    if (changes.performance_goals) change("performance_goals", row.performance_goals, changes.performance_goals, JSON.stringify(changes.performance_goals));
    if (changes.target_audience_criteria) {
      const audience = { audience_name: row.audience.audience_name, criteria: changes.target_audience_criteria };
      change("audience", row.audience.criteria, changes.target_audience_criteria, JSON.stringify(audience));
    }
    if (estimate) {
      set.audience_size = estimate.audience_size;
      set.estimated_reach = estimate.estimated_reach;
    }
    if (changes.scheduling) {
      const zone = changes.scheduling.timezone ?? row.timezone ?? deps.config.DEFAULT_TIMEZONE;
      const when = changes.scheduling.send_immediately ? deps.now() : changes.scheduling.send_at ? new Date(changes.scheduling.send_at) : nextSendWindow(deps.now(), zone);
      change("scheduled_send_date", row.scheduled_send_date?.toISOString() ?? null, when.toISOString(), when);
      set.timezone = zone;
    }
    const next = await trx.updateTable("campaigns").set(set).where("campaign_id", "=", row.campaign_id).returningAll().executeTakeFirstOrThrow();
    await recordAudit(trx, { tenant_id: input.tenant_id, campaign_id: row.campaign_id, actor: input.actor, action: "update", from_status: row.campaign_status, to_status: next.campaign_status, changes: diff });
    return next;
  });
  deps.afterCommit({ due: updated.campaign_status === "SCHEDULED" });
  return toMarketingCampaign(updated);
}

async function reestimate(deps: EngineDeps, input: { tenant_id: string; campaign_id: string; changes: CampaignUpdateRequest }) {
  const current = await deps.db.selectFrom("campaigns").select(["audience", "delivery_channels"]).where("tenant_id", "=", input.tenant_id).where("campaign_id", "=", input.campaign_id).executeTakeFirst();
  if (!current) return undefined; // the transaction reports the 404
  return deps.ask("svc.audience.estimate", {
    tenant_id: input.tenant_id,
    criteria: input.changes.target_audience_criteria ?? current.audience.criteria,
    channels: input.changes.delivery_channels ?? current.delivery_channels,
  });
}

/** DELETE: only a DRAFT can be removed; its audit trail is kept. */
export async function deleteCampaign(deps: EngineDeps, input: { tenant_id: string; actor: string; campaign_id: string }): Promise<{ ok: true }> {
  await deps.db.transaction().execute(async (trx) => {
    const row = await lockCampaign(trx, input.tenant_id, input.campaign_id);
    assertAllowed("delete", row);
    await trx.deleteFrom("campaigns").where("campaign_id", "=", row.campaign_id).execute();
    await recordAudit(trx, { tenant_id: input.tenant_id, campaign_id: row.campaign_id, actor: input.actor, action: "delete", from_status: row.campaign_status, to_status: null });
  });
  return { ok: true };
}
