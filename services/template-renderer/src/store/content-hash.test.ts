import { hashTemplateContents } from "./content-hash";

test("the hash ignores content order and changes with any word", () => {
  const email = { channel: "EMAIL" as const, subject: "Hi", body: "<p>Hello</p>" };
  const sms = { channel: "SMS" as const, body: "Hello" };
  expect(hashTemplateContents([email, sms])).toBe(hashTemplateContents([sms, email]));
  expect(hashTemplateContents([email, { ...sms, body: "Hello!" }])).not.toBe(hashTemplateContents([email, sms]));
  expect(hashTemplateContents([{ ...email, preheader: "p" }])).not.toBe(hashTemplateContents([email]));
});
