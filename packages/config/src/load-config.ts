import type { z } from "zod";

/** Raised when an environment variable is missing or malformed; names every bad variable. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
  readonly code = "CONFIG_INVALID";
  constructor(readonly variables: { variable: string; problem: string }[]) {
    super(`invalid configuration: ${variables.map((v) => `${v.variable}: ${v.problem}`).join("; ")}`);
  }
}

/**
 * Parses the environment once at start-up. Empty strings count as unset, so that
 * `FOO= pnpm start` falls back to the default instead of failing on "".
 */
export function loadConfig<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const cleaned: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && value !== "") cleaned[key] = value;
  }
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => ({ variable: issue.path.join(".") || "(environment)", problem: issue.message })),
    );
  }
  return result.data;
}
