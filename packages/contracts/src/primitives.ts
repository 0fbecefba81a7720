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
export const TemplateVariables = z.record(z.string().regex(/^[a-z][a-z0-9_]*$/, "snake_case names"), TemplateValue);
export type TemplateVariables = z.infer<typeof TemplateVariables>;
