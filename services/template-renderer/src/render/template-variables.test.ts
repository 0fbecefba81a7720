import { resolveTemplateVariables } from "./template-variables";

test("every known variable is defined even when nothing is sent", () => {
  const data = resolveTemplateVariables({});
  expect(data.first_name).toBe("");
  expect(data.highlight_features).toEqual([]);
  expect(Object.values(data).every((v) => v !== undefined)).toBe(true);
});

test("values are formatted for reading", () => {
  const data = resolveTemplateVariables({
    estimated_value: 1250000,
    list_price: "899000",
    median_price: "$1.2M",
    square_feet: 2850,
    bathrooms: 2.5,
    bedrooms: 0,
    property_type: "single_family",
    highlight_features: ["city_views", "  Chef's kitchen  ", ""],
    pricing_strategy: "market_competitive",
    first_name: "  Ana ",
  });
  expect(data).toMatchObject({
    estimated_value: "$1,250,000",
    list_price: "$899,000",
    median_price: "$1.2M",
    square_feet: "2,850",
    bathrooms: "2.5",
    bedrooms: "",
    property_type: "single-family home",
    highlight_features: ["City views", "Chef's kitchen"],
    first_name: "Ana",
  });
  expect(data.pricing_strategy).toMatch(/^market-competitive pricing/);
});

test("a single feature string becomes a one-item list and unknown tokens read as words", () => {
  expect(resolveTemplateVariables({ highlight_features: "pool" }).highlight_features).toEqual(["Pool"]);
  expect(resolveTemplateVariables({ pricing_strategy: "quick_sale" }).pricing_strategy).toBe("quick sale");
  expect(resolveTemplateVariables({ property_type: "ranch_home" }).property_type).toBe("ranch home");
});

test("only web links survive as URLs", () => {
  expect(resolveTemplateVariables({ cta_url: "https://a.example/x" }).cta_url).toBe("https://a.example/x");
  expect(resolveTemplateVariables({ cta_url: "javascript:alert(1)" }).cta_url).toBe("");
  expect(resolveTemplateVariables({ unsubscribe_url: "not a url" }).unsubscribe_url).toBe("");
});

test("variables outside the catalog pass through", () => {
  expect(resolveTemplateVariables({ school_district: " Eanes ISD ", open_now: true, units: 4 })).toMatchObject({ school_district: "Eanes ISD", open_now: true, units: 4 });
});
