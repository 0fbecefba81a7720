import { z } from "zod";

const url = (protocols: string[]) =>
  z.string().refine((value) => {
    try {
      return protocols.includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, `must be a ${protocols.join(" or ")} URL`);

/** Variables every service reads (ARCHITECTURE §6). Service-specific schemas extend this one. */
export const baseEnvSchema = z.object({
  NATS_URL: url(["nats:", "tls:"]).default("nats://127.0.0.1:4222"),
  DATABASE_URL: url(["postgres:", "postgresql:"]).default("postgres://postgres@127.0.0.1:5432/marketing"),
  REDIS_URL: url(["redis:", "rediss:"]).default("redis://127.0.0.1:6379"),
  /** Namespaces every subject and stream; empty in production, set per run by tests. */
  NATS_SUBJECT_PREFIX: z
    .string()
    .regex(/^[a-z0-9_-]+$/, "lower-case letters, digits, - and _ only")
    .optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  /** Longer than a provider call (15 s) plus the writes after it, so Ctrl-C never cuts a send in half. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
});
export type BaseEnv = z.infer<typeof baseEnvSchema>;
