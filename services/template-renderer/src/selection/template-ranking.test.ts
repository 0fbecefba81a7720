import type { AudienceSegment, CampaignTemplate, CampaignType, DeliverableChannel } from "@mcb/contracts";
import type { StoredTemplateVersion } from "../store/stored-template-version";
import { deliverableChannels, missingChannels, pickBestTemplate, rankTemplates, segmentOverlap } from "./template-ranking";

function candidate(
  id: string,
  options: { type?: CampaignType; segments?: AudienceSegment[]; channels?: DeliverableChannel[]; owner?: string | null } = {},
): StoredTemplateVersion {
  const owner = options.owner ?? null;
  const template: CampaignTemplate = {
    template_id: id,
    template_name: id,
    description: "",
    campaign_type: options.type ?? "property_showcase",
    target_segments: options.segments ?? [],
    contents: (options.channels ?? ["EMAIL", "SMS"]).map((channel) => ({ channel, subject: "s", body: "b" })),
    variables: [],
    version: 1,
    is_library: owner === null,
  };
  return { owner_tenant_id: owner, template };
}

const classic = candidate("classic", { segments: ["FIRST_TIME_BUYERS", "MOVE_UP_BUYERS"] });
const luxury = candidate("luxury", { segments: ["LUXURY_BUYERS", "MOVE_UP_BUYERS"] });
const emailOnly = candidate("email-only", { segments: ["LUXURY_BUYERS", "MOVE_UP_BUYERS", "INVESTORS"], channels: ["EMAIL"] });
const otherType = candidate("seller-ed", { type: "seller_education", segments: ["LUXURY_BUYERS", "MOVE_UP_BUYERS"] });
const tenantOwn = candidate("tenant-showcase", { segments: ["MOVE_UP_BUYERS"], owner: "tenant-a" });
const defaults = new Set(["classic"]);
const all = [emailOnly, otherType, tenantOwn, luxury, classic];

test("segmentOverlap counts shared segments; deliverableChannels keeps EMAIL and SMS once", () => {
  expect(segmentOverlap(luxury.template, ["LUXURY_BUYERS", "MOVE_UP_BUYERS", "SELLERS"])).toBe(2);
  expect(segmentOverlap(luxury.template, [])).toBe(0);
  expect(deliverableChannels(["EMAIL", "SOCIAL_MEDIA", "EMAIL", "SMS", "GHL_WORKFLOW"])).toEqual(["EMAIL", "SMS"]);
  expect(missingChannels(emailOnly.template, ["EMAIL", "SMS", "DIRECT_MAIL"])).toEqual(["SMS"]);
});

test("the luxury audience gets the luxury showcase (most overlap wins)", () => {
  const best = pickBestTemplate(all, { campaign_type: "property_showcase", target_segments: ["LUXURY_BUYERS", "MOVE_UP_BUYERS"], channels: ["EMAIL", "SMS"] }, defaults);
  expect(best?.template.template_id).toBe("luxury");
});

test("a template missing a requested channel is not eligible, however well it matches", () => {
  const ranked = rankTemplates(all, { campaign_type: "property_showcase", target_segments: ["LUXURY_BUYERS", "MOVE_UP_BUYERS", "INVESTORS"], channels: ["SMS"] }, defaults);
  expect(ranked.map((c) => c.template.template_id)).not.toContain("email-only");
  // Channels nobody renders (SOCIAL_MEDIA) do not exclude anything.
  const emailAndSocial = rankTemplates(all, { campaign_type: "property_showcase", target_segments: ["INVESTORS"], channels: ["EMAIL", "SOCIAL_MEDIA"] }, defaults);
  expect(emailAndSocial[0]?.template.template_id).toBe("email-only");
});

test("only the requested campaign type is eligible", () => {
  const ranked = rankTemplates(all, { campaign_type: "property_showcase", target_segments: [], channels: ["EMAIL"] }, defaults);
  expect(ranked.map((c) => c.template.template_id)).not.toContain("seller-ed");
  expect(pickBestTemplate(all, { campaign_type: "market_update", target_segments: [], channels: ["EMAIL"] }, defaults)).toBeUndefined();
});

test("on equal overlap the library default wins, then the tenant's own, then the id", () => {
  const needs = { campaign_type: "property_showcase" as const, target_segments: ["MOVE_UP_BUYERS" as const], channels: ["EMAIL" as const, "SMS" as const] };
  expect(rankTemplates(all, needs, defaults).map((c) => c.template.template_id)).toEqual(["classic", "tenant-showcase", "luxury"]);
  expect(rankTemplates(all, needs, new Set()).map((c) => c.template.template_id)).toEqual(["tenant-showcase", "classic", "luxury"]);
});

test("with no segments requested the library default is chosen", () => {
  const best = pickBestTemplate(all, { campaign_type: "property_showcase", target_segments: [], channels: ["EMAIL", "SMS"] }, defaults);
  expect(best?.template.template_id).toBe("classic");
});

test("ranking is deterministic whatever the input order", () => {
  const needs = { campaign_type: "property_showcase" as const, target_segments: [], channels: ["EMAIL" as const] };
  const forward = rankTemplates(all, needs, defaults).map((c) => c.template.template_id);
  const backward = rankTemplates([...all].reverse(), needs, defaults).map((c) => c.template.template_id);
  expect(backward).toEqual(forward);
});
