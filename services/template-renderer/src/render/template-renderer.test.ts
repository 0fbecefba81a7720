import { ServiceError } from "@mcb/bus";
import type { CampaignTemplate, RenderRequest, TemplateContent } from "@mcb/contracts";
import type { StoredTemplateVersion, TemplateVersionSource } from "../store/stored-template-version";
import { TemplateRenderer } from "./template-renderer";

function template(id: string, contents: TemplateContent[]): CampaignTemplate {
  return {
    template_id: id,
    template_name: id,
    description: "",
    campaign_type: "lead_nurturing",
    target_segments: [],
    contents,
    variables: [],
    version: 1,
    is_library: true,
  };
}

const greetingEmail: TemplateContent = {
  channel: "EMAIL",
  subject: "Hello <%= it.first_name || \"there\" %> & welcome",
  preheader: "A note for <%= it.first_name || \"you\" %>",
  body: '<html><body><p>Hi <%= it.first_name || "there" %>,</p><p>See <a href="<%= it.cta_url %>">the listing</a>.</p><p><%= it.highlight_features %></p></body></html>',
};

class CountingSource implements TemplateVersionSource {
  loads = 0;
  constructor(private readonly stored: StoredTemplateVersion[]) {}
  async load(ref: { template_id: string; version: number }): Promise<StoredTemplateVersion | undefined> {
    this.loads += 1;
    return this.stored.find((s) => s.template.template_id === ref.template_id && s.template.version === ref.version);
  }
}

const source = new CountingSource([
  { owner_tenant_id: null, template: template("greeting", [greetingEmail, { channel: "SMS", body: "Hi <%= it.first_name || \"there\" %>, new homes in <%= it.city || \"your area\" %>." }]) },
  { owner_tenant_id: null, template: template("sms-with-opt-out", [{ channel: "SMS", body: "Open house Sunday. Text STOP to unsubscribe." }]) },
  { owner_tenant_id: "tenant-b", template: template("b-only", [{ channel: "SMS", body: "for tenant b" }]) },
  { owner_tenant_id: null, template: template("broken-syntax", [{ channel: "SMS", body: "Hi <%= it.first_name ( %>" }]) },
  { owner_tenant_id: null, template: template("throws", [{ channel: "SMS", body: "<%= it.first_name.missing.deeper %>" }]) },
]);
const renderer = new TemplateRenderer(source, { compiledCacheSize: 10 });

function request(id: string, channel: "EMAIL" | "SMS", variables: RenderRequest["variables"] = {}, tenant = "tenant-a"): RenderRequest {
  return { tenant_id: tenant, template: { template_id: id, version: 1 }, channel, variables };
}

test("HTML escapes variable values, while the subject and text alternative stay readable", async () => {
  const rendered = await renderer.render(request("greeting", "EMAIL", { first_name: '<script>alert("x")</script>' }));
  expect(rendered.html).not.toContain("<script>");
  expect(rendered.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
  expect(rendered.subject).toBe('Hello <script>alert("x")</script> & welcome');
  expect(rendered.text).toContain('Hi <script>alert("x")</script>,');
});

test("unsafe links are dropped and attribute quotes cannot be broken out of", async () => {
  const js = await renderer.render(request("greeting", "EMAIL", { cta_url: "javascript:alert(1)" }));
  expect(js.html).toContain('href=""');
  const quoted = await renderer.render(request("greeting", "EMAIL", { cta_url: 'https://x.example/"onmouseover="alert(1)' }));
  expect(quoted.html).not.toContain('"onmouseover="');
  expect(quoted.html).toContain("&quot;onmouseover=&quot;");
});

test("missing variables fall back gracefully instead of printing undefined", async () => {
  const email = await renderer.render(request("greeting", "EMAIL"));
  expect(email.subject).toBe("Hello there & welcome");
  expect(email.text).toContain("Hi there,");
  expect(email.html).not.toMatch(/undefined|null/);
  const sms = await renderer.render(request("greeting", "SMS"));
  expect(sms.text).toBe("Hi there, new homes in your area.\nReply STOP to opt out");
});

test("EMAIL gets the preheader hidden at the top of the body, and a text alternative without it", async () => {
  const email = await renderer.render(request("greeting", "EMAIL", { first_name: "Ana", cta_url: "https://x.example/l/1", highlight_features: ["city_views", "garage"] }));
  expect(email.html).toMatch(/^<html><body><div data-text-alternative="omit" style="display:none;[^"]*">A note for Ana<\/div><p>Hi Ana,/);
  expect(email.text).toBe("Hi Ana,\n\nSee the listing (https://x.example/l/1).\n\nCity views, Garage");
});

test("SMS gets the opt-out line appended once, and keeps one the template already has", async () => {
  const appended = await renderer.render(request("greeting", "SMS", { first_name: "Ana", city: "Austin" }));
  expect(appended.text).toBe("Hi Ana, new homes in Austin.\nReply STOP to opt out");
  const kept = await renderer.render(request("sms-with-opt-out", "SMS"));
  expect(kept.text).toBe("Open house Sunday. Text STOP to unsubscribe.");
});

test("each version and channel is compiled once and then served from memory", async () => {
  const before = source.loads;
  await renderer.render(request("sms-with-opt-out", "SMS"));
  await renderer.render(request("sms-with-opt-out", "SMS"));
  expect(source.loads).toBe(before);
});

test("an unknown template or version, or another tenant's template, is NOT_FOUND", async () => {
  await expect(renderer.render(request("nope", "SMS"))).rejects.toMatchObject({ code: "NOT_FOUND" });
  await expect(renderer.render({ ...request("greeting", "SMS"), template: { template_id: "greeting", version: 9 } })).rejects.toMatchObject({ code: "NOT_FOUND" });
  await expect(renderer.render(request("b-only", "SMS"))).rejects.toMatchObject({ code: "NOT_FOUND", message: "template b-only version 1 not found" });
  await expect(renderer.render(request("b-only", "SMS", {}, "tenant-b"))).resolves.toMatchObject({ text: "for tenant b\nReply STOP to opt out" });
  // Still NOT_FOUND for tenant-a once the compiled entry is cached.
  await expect(renderer.render(request("b-only", "SMS"))).rejects.toMatchObject({ code: "NOT_FOUND" });
});

test("a template without content for the channel is VALIDATION_FAILED naming the channel", async () => {
  const failure = renderer.render(request("sms-with-opt-out", "EMAIL"));
  await expect(failure).rejects.toBeInstanceOf(ServiceError);
  await expect(failure).rejects.toMatchObject({ code: "VALIDATION_FAILED", message: expect.stringContaining("EMAIL"), fields: [{ field: "channel", message: expect.stringContaining("EMAIL") }] });
});

test("templates that fail to compile or throw while rendering answer INVALID_STATE, not a crash", async () => {
  await expect(renderer.render(request("broken-syntax", "SMS"))).rejects.toMatchObject({
    code: "INVALID_STATE",
    options: { details: expect.objectContaining({ reason: "TEMPLATE_COMPILE_FAILED", template_id: "broken-syntax" }) },
  });
  await expect(renderer.render(request("throws", "SMS"))).rejects.toMatchObject({
    code: "INVALID_STATE",
    options: { details: expect.objectContaining({ reason: "TEMPLATE_RENDER_FAILED", channel: "SMS" }) },
  });
});
