import { z } from "zod";
import { baseEnvSchema } from "./base-env";
import { ConfigError, loadConfig } from "./load-config";

test("defaults fill what is unset, and empty strings count as unset", () => {
  const config = loadConfig(baseEnvSchema, { NATS_URL: "", LOG_LEVEL: "debug" });
  expect(config).toMatchObject({ NATS_URL: "nats://127.0.0.1:4222", DATABASE_URL: "postgres://postgres@127.0.0.1:5432/marketing", REDIS_URL: "redis://127.0.0.1:6379", LOG_LEVEL: "debug" });
});

test("a bad value stops start-up with an error naming every bad variable", () => {
  const schema = baseEnvSchema.extend({ GATEWAY_PORT: z.coerce.number().int().max(65535) });
  let error: unknown;
  try {
    loadConfig(schema, { NATS_URL: "http://localhost", GATEWAY_PORT: "99999", LOG_LEVEL: "loud" });
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ConfigError);
  const config = error as ConfigError;
  expect(config.code).toBe("CONFIG_INVALID");
  expect(config.variables.map((v) => v.variable).sort()).toEqual(["GATEWAY_PORT", "LOG_LEVEL", "NATS_URL"]);
  expect(config.message).toContain("NATS_URL");
});
