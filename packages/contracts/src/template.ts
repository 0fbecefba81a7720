import { z } from "zod";
import { AudienceSegment, CampaignType, DeliverableChannel, Channel } from "./enums";
import { TemplateVariables } from "./primitives";

/** One channel's content inside a template; bodies are eta source. */
export const TemplateContent = z.object({
  channel: Channel,
  subject: z.string().max(300).optional(),
  preheader: z.string().max(300).optional(),
  body: z.string().min(1).max(100_000),
});
export type TemplateContent = z.infer<typeof TemplateContent>;

/** The seed's CampaignTemplate. */
export const CampaignTemplate = z.object({
  template_id: z.string(),
  template_name: z.string(),
  description: z.string(),
  campaign_type: CampaignType,
  target_segments: z.array(AudienceSegment),
  contents: z.array(TemplateContent).min(1),
  variables: z.array(z.string()),
  version: z.number().int().positive(),
  is_library: z.boolean(),
});
export type CampaignTemplate = z.infer<typeof CampaignTemplate>;

export const TemplateRef = z.object({ template_id: z.string(), version: z.number().int().positive() });
export type TemplateRef = z.infer<typeof TemplateRef>;

export const RenderedContent = z.object({
  channel: DeliverableChannel,
  subject: z.string().optional(),
  html: z.string().optional(),
  text: z.string(),
});
export type RenderedContent = z.infer<typeof RenderedContent>;

export const RenderRequest = z.object({
  tenant_id: z.string(),
  template: TemplateRef,
  channel: DeliverableChannel,
  variables: TemplateVariables,
});
export type RenderRequest = z.infer<typeof RenderRequest>;
