import { CampaignTemplate, CampaignType, type RenderRequest, type TemplateVariables } from "@mcb/contracts";
import { TemplateRenderer } from "../render/template-renderer";
import type { StoredTemplateVersion, TemplateVersionSource } from "../store/stored-template-version";
import { libraryDefaultTemplateIds, libraryTemplateAt, templateLibrary } from "./index";

const library = templateLibrary.map((t) => libraryTemplateAt(t, 1));
const source: TemplateVersionSource = {
  load: async (ref) => {
    const template = library.find((t) => t.template_id === ref.template_id && t.version === ref.version);
    return template ? ({ owner_tenant_id: null, template } satisfies StoredTemplateVersion) : undefined;
  },
};
const renderer = new TemplateRenderer(source, { compiledCacheSize: 100 });

const fullVariables: TemplateVariables = {
  first_name: "Maya",
  last_name: "Okafor",
  agent_name: "Daniel Reyes",
  agent_phone: "(415) 555-0142",
  agency_name: "Bayview Realty Group",
  agency_address: "500 Market St, San Francisco, CA 94105",
  property_address: "1250 Harrison St #4B",
  property_type: "luxury_condo",
  neighborhood: "SOMA",
  city: "San Francisco",
  estimated_value: 1_250_000,
  list_price: 1_295_000,
  median_price: 1_180_000,
  bedrooms: 2,
  bathrooms: 2.5,
  square_feet: 1450,
  days_on_market: 18,
  highlight_features: ["city_views", "updated_kitchen", "Private roof deck"],
  pricing_strategy: "market_competitive",
  market_trend: "Inventory is up 8% from last month, giving buyers a little more choice.",
  open_house_date: "Saturday, March 14, 1–4 pm",
  cta_url: "https://bayview.example/listings/1250-harrison?utm=email",
  unsubscribe_url: "https://bayview.example/unsubscribe/abc123",
};

const leftovers = /undefined|null|NaN|\[object|<%|%>|\$\{/;

function request(templateId: string, channel: "EMAIL" | "SMS", variables: TemplateVariables): RenderRequest {
  return { tenant_id: "tenant-a", template: { template_id: templateId, version: 1 }, channel, variables };
}

test("the library has unique ids, valid contract shapes and a template for every campaign type", () => {
  const ids = library.map((t) => t.template_id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const template of library) expect(CampaignTemplate.safeParse(template).success).toBe(true);
  for (const type of CampaignType.options) {
    const ofType = library.filter((t) => t.campaign_type === type);
    expect(ofType.length).toBeGreaterThan(0);
    for (const t of ofType) expect(t.contents.map((c) => c.channel).sort()).toEqual(["EMAIL", "SMS"]);
    const defaultId = libraryDefaultTemplateIds[type];
    expect(library.find((t) => t.template_id === defaultId)?.campaign_type).toBe(type);
  }
  const luxury = library.find((t) => t.campaign_type === "property_showcase" && t.target_segments.includes("LUXURY_BUYERS"));
  expect(luxury?.target_segments).toEqual(expect.arrayContaining(["LUXURY_BUYERS", "MOVE_UP_BUYERS"]));
});

test("each template lists the variables it reads", () => {
  const showcase = library.find((t) => t.template_id === "lib_property_showcase_classic");
  expect(showcase?.variables).toEqual(expect.arrayContaining(["first_name", "property_address", "highlight_features", "cta_url", "unsubscribe_url"]));
  for (const template of library) expect(template.variables).toEqual([...template.variables].sort());
});

describe.each(library.map((t) => [t.template_id] as const))("%s", (templateId) => {
  test.each([
    ["no variables", {}],
    ["every variable", fullVariables],
  ] as const)("renders EMAIL and SMS with %s", async (_label, variables) => {
    const email = await renderer.render(request(templateId, "EMAIL", variables));
    const sms = await renderer.render(request(templateId, "SMS", variables));

    expect(email.subject?.length).toBeGreaterThan(10);
    expect(email.subject).not.toMatch(leftovers);
    expect(email.html).toMatch(/^<!DOCTYPE html>/);
    expect(email.html).not.toMatch(leftovers);
    expect(email.html).not.toContain('href=""');
    expect(email.text).not.toMatch(leftovers);
    expect(email.text.length).toBeGreaterThan(200);
    expect(sms.text).not.toMatch(leftovers);
    expect(sms.text).toMatch(/Reply STOP to opt out$/);
    expect(sms.text.length).toBeLessThanOrEqual(480);
    if (Object.keys(variables).length === 0) {
      expect(email.text).toContain('reply with "unsubscribe"');
    } else {
      expect(email.html).toContain("https://bayview.example/unsubscribe/abc123");
      expect(email.text).toContain("https://bayview.example/listings/1250-harrison?utm=email");
      expect(sms.text).toContain("https://bayview.example/listings/1250-harrison?utm=email");
    }
    if (process.env.PRINT_LIBRARY) process.stdout.write(`\n==== ${templateId} (${_label})\nSUBJECT: ${email.subject}\n${email.text}\n---- SMS (${sms.text.length})\n${sms.text}\n`);
  });
});
