import type { z } from "zod";
import {
  CampaignContentOptimized,
  CampaignLifecycleEvent,
  DeliveryFailed,
  DeliveryRequested,
  DeliverySent,
  EngagementRecorded,
  PropertyValuationCompleted,
  ProviderEvent,
  SellerStageChanged,
} from "./events";

/**
 * The JetStream streams. Each holds a disjoint set of subjects so that a durable consumer on a
 * stream needs no filter (NATS 2.9 has no multi-filter consumers).
 */
export const streams = {
  SELLER: ["seller.stage.changed"],
  PROPERTY: ["property.valuation.completed"],
  CAMPAIGN: ["campaign.created", "campaign.scheduled", "campaign.launched", "campaign.completed", "campaign.content.optimized"],
  /** Kept apart so delivery workers can follow pauses and cancellations without every other campaign event. */
  CAMPAIGN_CONTROL: ["campaign.paused", "campaign.resumed", "campaign.cancelled"],
  DELIVERY_REQUESTS: ["delivery.requested"],
  DELIVERY_OUTCOMES: ["delivery.sent", "delivery.failed"],
  ENGAGEMENT: ["engagement.recorded"],
  PROVIDER_EVENTS: ["provider.event.sendgrid", "provider.event.twilio", "provider.event.ghl"],
  DEAD_LETTER: ["dlq.>"],
} as const satisfies Record<string, readonly string[]>;
export type StreamName = keyof typeof streams;

interface SubjectSpec<S extends z.ZodType> {
  stream: StreamName;
  schema: S;
  version: number;
}

/** The subject catalog: every event subject, the stream that keeps it, and its data schema. */
export const subjects = {
  "seller.stage.changed": { stream: "SELLER", schema: SellerStageChanged, version: 1 },
  "property.valuation.completed": { stream: "PROPERTY", schema: PropertyValuationCompleted, version: 1 },
  "campaign.created": { stream: "CAMPAIGN", schema: CampaignLifecycleEvent, version: 1 },
  "campaign.scheduled": { stream: "CAMPAIGN", schema: CampaignLifecycleEvent, version: 1 },
  "campaign.launched": { stream: "CAMPAIGN", schema: CampaignLifecycleEvent, version: 1 },
  "campaign.completed": { stream: "CAMPAIGN", schema: CampaignLifecycleEvent, version: 1 },
  "campaign.paused": { stream: "CAMPAIGN_CONTROL", schema: CampaignLifecycleEvent, version: 1 },
  "campaign.resumed": { stream: "CAMPAIGN_CONTROL", schema: CampaignLifecycleEvent, version: 1 },
  "campaign.cancelled": { stream: "CAMPAIGN_CONTROL", schema: CampaignLifecycleEvent, version: 1 },
  "campaign.content.optimized": { stream: "CAMPAIGN", schema: CampaignContentOptimized, version: 1 },
  "delivery.requested": { stream: "DELIVERY_REQUESTS", schema: DeliveryRequested, version: 1 },
  "delivery.sent": { stream: "DELIVERY_OUTCOMES", schema: DeliverySent, version: 1 },
  "delivery.failed": { stream: "DELIVERY_OUTCOMES", schema: DeliveryFailed, version: 1 },
  "engagement.recorded": { stream: "ENGAGEMENT", schema: EngagementRecorded, version: 1 },
  "provider.event.sendgrid": { stream: "PROVIDER_EVENTS", schema: ProviderEvent, version: 1 },
  "provider.event.twilio": { stream: "PROVIDER_EVENTS", schema: ProviderEvent, version: 1 },
  "provider.event.ghl": { stream: "PROVIDER_EVENTS", schema: ProviderEvent, version: 1 },
} as const satisfies Record<string, SubjectSpec<z.ZodType>>;

export type Subject = keyof typeof subjects;
export type EventData<S extends Subject> = z.infer<(typeof subjects)[S]["schema"]>;

export function isSubject(value: string): value is Subject {
  return Object.prototype.hasOwnProperty.call(subjects, value);
}

/** Dead letters keep the original subject after the prefix, so a replay knows where to go. */
export const deadLetterSubject = (subject: string): string => `dlq.${subject}`;
