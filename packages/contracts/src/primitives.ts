import { z } from "zod";

export const TenantId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, "letters, digits, - and _ only");
export type TenantId = z.infer<typeof TenantId>;

export const CampaignId = z.string().regex(/^camp_[a-z0-9]{8,40}$/, "a campaign id such as camp_abc123def456");
export type CampaignId = z.infer<typeof CampaignId>;

export const IsoDateTime = z.iso.datetime({ offset: true });
export const Rate = z.number().min(0).max(1);

/** IANA zone names, checked against the runtime's time-zone database. */
export const TimeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, "an IANA time zone such as America/Los_Angeles");

/** Values a template may interpolate; nested objects are deliberately not allowed. */
export const TemplateValue = z.union([z.string().max(2000), z.number(), z.boolean(), z.array(z.string().max(500)).max(50)]);
export type TemplateValue = z.infer<typeof TemplateValue>;
const variableRecord = z.record(z.string().regex(/^[a-z][a-z0-9_]*$/, "snake_case names"), TemplateValue);
const withinBytes = (limit: number) => (vars: Record<string, unknown>) => JSON.stringify(vars).length <= limit;

/**
 * A campaign's variables travel in every delivery request it makes (one per recipient and
 * channel), so they stay small: 32 KB on the wire, of which a client may set 16 KB
 * (`ContentOverrides`), leaving room for the agency's and the recipient's own.
 */
export const TemplateVariables = variableRecord.refine(withinBytes(32_768), "at most 32 KB of template variables in all");
export const ContentOverrides = variableRecord.refine(withinBytes(16_384), "at most 16 KB of content overrides in all");
export type TemplateVariables = z.infer<typeof TemplateVariables>;
