import type { Kysely } from "kysely";
import type { z } from "zod";
import { ServiceError } from "@mcb/bus";
import type { CampaignTemplate, RpcResponse, rpcCatalog } from "@mcb/contracts";
import type { TemplateDatabase } from "../db";
import { findVisibleTemplate, listVisibleTemplates } from "../store/template-repository";
import { deliverableChannels, missingChannels, pickBestTemplate, type SelectTemplateRequest } from "./template-ranking";

export type ListTemplatesRequest = z.infer<(typeof rpcCatalog)["svc.template.list"]["request"]>;

export interface TemplateSelectionDeps {
  db: Kysely<TemplateDatabase>;
  libraryDefaultIds: ReadonlySet<string>;
}

/** svc.template.list: the library plus the tenant's own, filtered by type and segment overlap. */
export async function listTemplates(deps: TemplateSelectionDeps, request: ListTemplatesRequest): Promise<RpcResponse<"svc.template.list">> {
  const stored = await listVisibleTemplates(deps.db, {
    tenantId: request.tenant_id,
    campaignType: request.campaign_type,
    targetSegments: request.target_segments,
  });
  return { items: stored.map((s) => s.template) };
}

/** An explicitly chosen template must still suit the campaign it is chosen for. */
async function selectExplicit(deps: TemplateSelectionDeps, request: SelectTemplateRequest, templateId: string): Promise<CampaignTemplate> {
  const stored = await findVisibleTemplate(deps.db, request.tenant_id, templateId);
  if (!stored) throw new ServiceError("NOT_FOUND", `template ${templateId} not found`);
  const { template } = stored;
  if (template.campaign_type !== request.campaign_type) {
    throw new ServiceError("VALIDATION_FAILED", `template ${templateId} is a ${template.campaign_type} template, not ${request.campaign_type}`, {
      fields: [{ field: "template_id", message: `choose a ${request.campaign_type} template` }],
    });
  }
  const missing = missingChannels(template, request.channels);
  if (missing.length > 0) {
    throw new ServiceError("VALIDATION_FAILED", `template ${templateId} has no ${missing.join(" or ")} content`, {
      fields: [{ field: "channels", message: `template ${templateId} has no content for ${missing.join(", ")}` }],
    });
  }
  return template;
}

/** svc.template.select: the explicit template if given, else the best match for the campaign. */
export async function selectTemplate(deps: TemplateSelectionDeps, request: SelectTemplateRequest): Promise<CampaignTemplate> {
  if (request.template_id) return selectExplicit(deps, request, request.template_id);
  const candidates = await listVisibleTemplates(deps.db, { tenantId: request.tenant_id, campaignType: request.campaign_type });
  const best = pickBestTemplate(candidates, request, deps.libraryDefaultIds);
  if (!best) {
    const channels = deliverableChannels(request.channels);
    throw new ServiceError("NOT_FOUND", `no ${request.campaign_type} template has content for ${channels.join(" and ") || "the requested channels"}`);
  }
  return best.template;
}
