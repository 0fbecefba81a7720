import { z } from "zod";
import { baseEnvSchema } from "@mcb/config";

/** The template renderer's configuration: the shared variables plus its cache settings. */
export const templateRendererEnvSchema = baseEnvSchema.extend({
  /** Namespaces every Redis key, so one Redis can serve several deployments or test runs. */
  REDIS_KEY_PREFIX: z.string().default("mcb:"),
  /** How long a template version stays in Redis; versions never change, so this only bounds memory. */
  TEMPLATE_CACHE_TTL_SECONDS: z.coerce.number().int().positive().default(3600),
  /** How many compiled template functions each process keeps in memory. */
  TEMPLATE_COMPILED_CACHE_SIZE: z.coerce.number().int().positive().default(500),
});
export type TemplateRendererEnv = z.infer<typeof templateRendererEnvSchema>;
