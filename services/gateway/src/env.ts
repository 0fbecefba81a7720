import { z } from "zod";
import { baseEnvSchema } from "@mcb/config";

const perMinute = (fallback: number) => z.coerce.number().int().min(0).default(fallback);

export const gatewayEnv = baseEnvSchema.extend({
  GATEWAY_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  GATEWAY_HOST: z.string().default("127.0.0.1"),
  PUBLIC_BASE_URL: z.string().url().default("http://127.0.0.1:8080"),
  /** Per-token limits by route class; 0 turns that class's limit off (ARCHITECTURE §6). */
  RATE_LIMIT_CREATE_PER_MIN: perMinute(10),
  RATE_LIMIT_ANALYTICS_PER_MIN: perMinute(100),
  RATE_LIMIT_TEMPLATES_PER_MIN: perMinute(200),
  REDIS_KEY_PREFIX: z.string().default("mcb:"),
  /** Well under NATS's 1 MiB max_payload: a body travels on to a service inside one message, with its answer. */
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(900_000).default(524_288),
});
export type GatewayEnv = z.infer<typeof gatewayEnv>;
