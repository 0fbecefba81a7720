import { z } from "zod";
import { AudienceSegment, Channel, DeliverableChannel } from "./enums";
import { Rate, TimeZone } from "./primitives";

/** "250k+", "100k-250k", "<75k", or plain numbers; parsed into bounds by the audience service. */
export const IncomeRange = z
  .string()
  .regex(/^(<\s*\d+(\.\d+)?[kKmM]?|\d+(\.\d+)?[kKmM]?\s*(\+|-\s*\d+(\.\d+)?[kKmM]?))$/, 'a range such as "250k+", "100k-250k" or "<75k"');
export const AgeRange = z.string().regex(/^(\d{1,3}\s*-\s*\d{1,3}|\d{1,3}\+)$/, 'a range such as "35-55" or "65+"');

export const DemographicFilters = z.strictObject({
  income_range: IncomeRange.optional(),
  age_range: AgeRange.optional(),
});
export type DemographicFilters = z.infer<typeof DemographicFilters>;

export const GeographicFilters = z
  .strictObject({
    city: z.string().min(1).max(100).optional(),
    state: z.string().min(2).max(50).optional(),
    postal_codes: z.array(z.string().min(3).max(10)).max(500).optional(),
    radius_miles: z.number().positive().max(500).optional(),
    center: z.strictObject({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) }).optional(),
  })
  .refine((g) => g.radius_miles === undefined || g.center !== undefined || g.city !== undefined, {
    message: "radius_miles needs a city or a center to measure from",
    path: ["radius_miles"],
  });
export type GeographicFilters = z.infer<typeof GeographicFilters>;

export const BehavioralFilters = z.strictObject({
  engagement_score_min: Rate.optional(),
  engagement_score_max: Rate.optional(),
  tags: z.array(z.string().min(1).max(100)).max(100).optional(),
});
export type BehavioralFilters = z.infer<typeof BehavioralFilters>;

/** The creation request's `target_audience_criteria` (seed example 1). */
export const TargetAudienceCriteria = z.strictObject({
  demographic_filters: DemographicFilters.default({}),
  geographic_filters: GeographicFilters.default({}),
  behavioral_filters: BehavioralFilters.default({}),
  target_segments: z.array(AudienceSegment).max(20).optional(),
});
export type TargetAudienceCriteria = z.infer<typeof TargetAudienceCriteria>;

/** The seed's CampaignAudience model; also the body of POST /audience/estimate. */
export const CampaignAudience = z.strictObject({
  audience_name: z.string().min(1).max(150),
  estimated_size: z.number().int().min(0).nullable().optional(),
  demographic_filters: DemographicFilters.default({}),
  geographic_filters: GeographicFilters.default({}),
  ghl_tag_filters: z.array(z.string().min(1).max(100)).max(100).default([]),
  engagement_score_min: Rate.default(0),
  target_segments: z.array(AudienceSegment).max(20).optional(),
  delivery_channels: z.array(Channel).min(1).optional(),
});
export type CampaignAudience = z.infer<typeof CampaignAudience>;

/** One normalised targeting query, whichever of the two shapes above it came from. */
export const AudienceCriteria = z.object({
  demographic_filters: DemographicFilters.default({}),
  geographic_filters: GeographicFilters.default({}),
  behavioral_filters: BehavioralFilters.default({}),
  target_segments: z.array(AudienceSegment).optional(),
  /** Restrict to these contacts (a stage-triggered campaign targets exactly one seller). */
  contact_ids: z.array(z.string().min(1)).max(10_000).optional(),
});
export type AudienceCriteria = z.infer<typeof AudienceCriteria>;

export const AudienceEstimate = z.object({
  audience_size: z.number().int().min(0),
  estimated_reach: z.number().int().min(0),
  reachable_by_channel: z.record(z.string(), z.number().int().min(0)),
  dominant_timezone: z.string().nullable(),
  calculation_time_ms: z.number().min(0),
});
export type AudienceEstimate = z.infer<typeof AudienceEstimate>;

const ContactFields = {
  first_name: z.string().max(100).optional(),
  last_name: z.string().max(100).optional(),
  email: z.email().max(254).optional(),
  phone: z.string().regex(/^\+[1-9]\d{6,14}$/, "E.164, such as +14155550100").optional(),
  address: z.string().max(300).optional(),
  city: z.string().max(100).optional(),
  state: z.string().max(50).optional(),
  postal_code: z.string().max(12).optional(),
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
  timezone: TimeZone.optional(),
  tags: z.array(z.string().min(1).max(100)).max(100).optional(),
  segments: z.array(AudienceSegment).max(20).optional(),
  household_income: z.number().min(0).optional(),
  age: z.number().int().min(0).max(130).optional(),
  engagement_score: Rate.optional(),
  email_opt_in: z.boolean().optional(),
  sms_opt_in: z.boolean().optional(),
  ghl_contact_id: z.string().min(1).max(100).optional(),
};

export const ContactInput = z
  .strictObject({ id: z.string().min(1).max(64).optional(), ...ContactFields })
  .refine((c) => c.id || c.email || c.phone || c.ghl_contact_id, {
    message: "a contact needs at least one of id, email, phone or ghl_contact_id",
  });
export type ContactInput = z.infer<typeof ContactInput>;

export const Contact = z.object({
  id: z.string(),
  ...ContactFields,
  tags: z.array(z.string()),
  segments: z.array(AudienceSegment),
  email_opt_in: z.boolean(),
  sms_opt_in: z.boolean(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type Contact = z.infer<typeof Contact>;

/** At most 1,000 per request, so the answer (every stored contact) stays well inside one NATS message. */
export const ContactsUpsertRequest = z.strictObject({ contacts: z.array(ContactInput).min(1).max(1000) });
export type ContactsUpsertRequest = z.infer<typeof ContactsUpsertRequest>;
export const ContactsUpsertResponse = z.object({
  contacts: z.array(Contact),
  created: z.number().int().min(0),
  updated: z.number().int().min(0),
});
export type ContactsUpsertResponse = z.infer<typeof ContactsUpsertResponse>;

/** What a delivery needs to know about one recipient: a snapshot taken at launch. */
export const Recipient = z.object({
  contact_id: z.string(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
  city: z.string().optional(),
  timezone: z.string().optional(),
  ghl_contact_id: z.string().optional(),
  channels: z.array(DeliverableChannel),
});
export type Recipient = z.infer<typeof Recipient>;
