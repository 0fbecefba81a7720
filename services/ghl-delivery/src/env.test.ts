import { ConfigError, loadConfig } from "@mcb/config";
import { deliveryEnv } from "./env";

test("defaults follow ARCHITECTURE §6 and every account is optional", () => {
  const config = loadConfig(deliveryEnv, {});
  expect(config).toMatchObject({
    SENDGRID_API_BASE_URL: "https://api.sendgrid.com",
    TWILIO_API_BASE_URL: "https://api.twilio.com",
    GHL_API_BASE_URL: "https://services.leadconnectorhq.com",
    PUBLIC_BASE_URL: "http://127.0.0.1:8080",
    DELIVERY_CONCURRENCY: 8,
    DELIVERY_MAX_ATTEMPTS: 5,
  });
  expect(config.SENDGRID_API_KEY).toBeUndefined();
});

const problems = (vars: Record<string, string>) => {
  try {
    loadConfig(deliveryEnv, vars);
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.variables.map((v) => v.variable);
  }
};

test.each([
  ["a SendGrid key without EMAIL_FROM", { SENDGRID_API_KEY: "SG.k" }, "EMAIL_FROM"],
  ["a Twilio account without a token", { TWILIO_ACCOUNT_SID: `AC${"1".repeat(32)}`, TWILIO_FROM_NUMBER: "+14155550111" }, "TWILIO_AUTH_TOKEN"],
  ["a Twilio account without a sender", { TWILIO_ACCOUNT_SID: `AC${"1".repeat(32)}`, TWILIO_AUTH_TOKEN: "t" }, "TWILIO_FROM_NUMBER"],
  ["a malformed account SID", { TWILIO_ACCOUNT_SID: "123", TWILIO_AUTH_TOKEN: "t", TWILIO_FROM_NUMBER: "+14155550111" }, "TWILIO_ACCOUNT_SID"],
  ["a From number not in E.164", { TWILIO_FROM_NUMBER: "555-0100" }, "TWILIO_FROM_NUMBER"],
  ["a non-http base URL", { GHL_API_BASE_URL: "ftp://x" }, "GHL_API_BASE_URL"],
  ["a zero concurrency", { DELIVERY_CONCURRENCY: "0" }, "DELIVERY_CONCURRENCY"],
])("%s stops start-up naming the variable", (_what, vars, variable) => {
  expect(problems(vars)).toContain(variable);
});
