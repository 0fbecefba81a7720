import type { z } from "zod";
import { DeliverableChannel, type AudienceSegment, type CampaignTemplate, type Channel, type rpcCatalog } from "@mcb/contracts";
import type { StoredTemplateVersion } from "../store/stored-template-version";

export type SelectTemplateRequest = z.infer<(typeof rpcCatalog)["svc.template.select"]["request"]>;
export type TemplateNeeds = Pick<SelectTemplateRequest, "campaign_type" | "target_segments" | "channels">;

/** The requested channels a template must carry content for (EMAIL, SMS); others are sent as-is. */
export function deliverableChannels(channels: readonly Channel[]): DeliverableChannel[] {
  return [...new Set(channels)].filter((c): c is DeliverableChannel => DeliverableChannel.safeParse(c).success);
}

export function missingChannels(template: CampaignTemplate, channels: readonly Channel[]): DeliverableChannel[] {
  return deliverableChannels(channels).filter((channel) => !template.contents.some((c) => c.channel === channel));
}

export function segmentOverlap(template: CampaignTemplate, segments: readonly AudienceSegment[]): number {
  const wanted = new Set(segments);
  return template.target_segments.filter((segment) => wanted.has(segment)).length;
}

/**
 * Orders the templates that can serve a campaign, best first. Eligible: the same campaign type
 * and content for every requested EMAIL/SMS channel. Then: most overlap with the audience's
 * segments; the library default for the type; the tenant's own over other library entries;
 * and the id, so equal candidates always come out in the same order.
 */
export function rankTemplates(
  candidates: readonly StoredTemplateVersion[],
  needs: TemplateNeeds,
  libraryDefaultIds: ReadonlySet<string>,
): StoredTemplateVersion[] {
  const scored = candidates
    .filter((c) => c.template.campaign_type === needs.campaign_type && missingChannels(c.template, needs.channels).length === 0)
    .map((candidate) => ({
      candidate,
      overlap: segmentOverlap(candidate.template, needs.target_segments),
      isDefault: candidate.template.is_library && libraryDefaultIds.has(candidate.template.template_id),
      isOwn: candidate.owner_tenant_id !== null,
    }));
  scored.sort(
    (a, b) =>
      b.overlap - a.overlap ||
      Number(b.isDefault) - Number(a.isDefault) ||
      Number(b.isOwn) - Number(a.isOwn) ||
      (a.candidate.template.template_id < b.candidate.template.template_id ? -1 : a.candidate.template.template_id > b.candidate.template.template_id ? 1 : 0),
  );
  return scored.map((s) => s.candidate);
}

export function pickBestTemplate(
  candidates: readonly StoredTemplateVersion[],
  needs: TemplateNeeds,
  libraryDefaultIds: ReadonlySet<string>,
): StoredTemplateVersion | undefined {
  return rankTemplates(candidates, needs, libraryDefaultIds)[0];
}
