import type { Recipient } from "@mcb/contracts";
import { loadConfig } from "@mcb/config";
import { deliveryEnv } from "../env";
import { createProviderSelector, twilioStatusCallbackUrl } from "./provider-factory";

const env = (vars: Record<string, string>) => loadConfig(deliveryEnv, vars);
const sendgrid = { SENDGRID_API_KEY: "SG.k", EMAIL_FROM: "Jane <jane@agency.com>" };
const twilio = { TWILIO_ACCOUNT_SID: `AC${"1".repeat(32)}`, TWILIO_AUTH_TOKEN: "t", TWILIO_FROM_NUMBER: "+14155550111" };
const ghl = { GHL_API_TOKEN: "pit" };

const everything: Recipient = { contact_id: "c", email: "a@b.co", phone: "+14155550100", ghl_contact_id: "g1", channels: ["EMAIL", "SMS"] };
const ghlOnly: Recipient = { contact_id: "c", ghl_contact_id: "g1", channels: ["EMAIL", "SMS"] };
const nobody: Recipient = { contact_id: "c", channels: [] };

const pick = (vars: Record<string, string>, channel: "EMAIL" | "SMS", recipient: Recipient) => {
  const choice = createProviderSelector(env(vars)).select(channel, recipient);
  return choice.kind === "provider" ? choice.provider.name : choice.code;
};

test.each([
  ["SendGrid for email when its account is set", { ...sendgrid, ...ghl }, "EMAIL", everything, "sendgrid"],
  ["Twilio for SMS when its account is set", { ...twilio, ...ghl }, "SMS", everything, "twilio"],
  ["GHL for email without SendGrid", ghl, "EMAIL", everything, "ghl"],
  ["GHL for SMS without Twilio", ghl, "SMS", everything, "ghl"],
  ["GHL when the recipient has no email but a GHL contact", { ...sendgrid, ...ghl }, "EMAIL", ghlOnly, "ghl"],
  ["NO_ADDRESS when no configured provider can reach the recipient", { ...sendgrid, ...twilio, ...ghl }, "SMS", nobody, "NO_ADDRESS"],
  ["NO_ADDRESS when only GHL is set and the recipient is not in GHL", ghl, "EMAIL", { ...everything, ghl_contact_id: undefined }, "NO_ADDRESS"],
  ["CHANNEL_NOT_CONFIGURED for SMS with only SendGrid", sendgrid, "SMS", everything, "CHANNEL_NOT_CONFIGURED"],
  ["CHANNEL_NOT_CONFIGURED with nothing set", {}, "EMAIL", everything, "CHANNEL_NOT_CONFIGURED"],
] as const)("%s", (_what, vars, channel, recipient, expected) => {
  expect(pick(vars, channel, recipient)).toBe(expected);
});

test("Twilio's status callback goes to the gateway's webhook route", () => {
  expect(twilioStatusCallbackUrl("https://mcb.example.com/")).toBe("https://mcb.example.com/api/v1/marketing/webhooks/twilio");
});
