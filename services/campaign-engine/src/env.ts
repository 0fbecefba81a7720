import { z } from "zod";
import { baseEnvSchema } from "@mcb/config";

export const campaignEngineEnv = baseEnvSchema.extend({
  /** How often scheduled campaigns are checked for launch, besides the kick after each commit. */
  SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(100).default(5_000),
  /** Recipients resolved per page while launching; each page is one transaction. */
  LAUNCH_PAGE_SIZE: z.coerce.number().int().min(1).max(5000).default(500),
  /** Pause between launch pages: paces large sends (provider limits, sender reputation). */
  LAUNCH_PAGE_INTERVAL_MS: z.coerce.number().int().min(0).max(60_000).default(0),
  /** Deliveries of one event tried before it is dead-lettered. */
  EVENT_MAX_DELIVER: z.coerce.number().int().min(1).default(5),
  /** How long an event may stay unacknowledged (e.g. its handler's process died) before redelivery. */
  EVENT_ACK_WAIT_MS: z.coerce.number().int().min(1_000).default(30_000),
  DEFAULT_TIMEZONE: z.string().default("America/Los_Angeles"),
  AGENCY_NAME: z.string().default("Your Real Estate Team"),
  AGENT_NAME: z.string().default("Your Agent"),
  /** Where a message's call to action points unless a campaign overrides `cta_url`; unset: no button. */
  AGENCY_WEBSITE_URL: z.url({ protocol: /^https?$/ }).optional(),
});
export type CampaignEngineEnv = z.infer<typeof campaignEngineEnv>;
