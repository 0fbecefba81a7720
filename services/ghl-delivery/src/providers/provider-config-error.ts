import type { z } from "zod";
import type { ProviderName } from "../db";

/** A provider account whose settings do not validate; raised while wiring, before any send. */
export class ProviderConfigError extends Error {
  override readonly name = "ProviderConfigError";
  readonly code = "PROVIDER_CONFIG_INVALID";
  constructor(
    readonly provider: ProviderName,
    readonly issues: { field: string; message: string }[],
    options?: { cause?: unknown },
  ) {
    super(`invalid ${provider} configuration: ${issues.map((i) => `${i.field}: ${i.message}`).join("; ")}`, options);
  }
}

/** Validates an adapter's settings with its zod schema, naming every bad field. */
export function parseProviderConfig<S extends z.ZodType>(provider: ProviderName, schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new ProviderConfigError(
      provider,
      result.error.issues.map((issue) => ({ field: issue.path.join(".") || "(config)", message: issue.message })),
      { cause: result.error },
    );
  }
  return result.data;
}
