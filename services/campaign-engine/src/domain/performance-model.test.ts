import { CampaignType } from "@mcb/contracts";
import { industryPriors, projectPerformance } from "./performance-model";
import { deterministicSuggestions } from "./optimization-suggestions";

test("every campaign type has stated priors, and projections scale with reach", () => {
  for (const type of CampaignType.options) expect(industryPriors[type].open_rate).toBeGreaterThan(0);
  const p = projectPerformance(1000, { open_rate: 0.3, click_rate: 0.08, conversion_rate: 0.015 }, "tenant_history");
  expect(p).toMatchObject({ projected_opens: 300, projected_clicks: 80, projected_conversions: 15, basis: "tenant_history" });
  expect(projectPerformance(0, industryPriors.market_update, "industry_prior").projected_opens).toBe(0);
});

test("suggestions follow from the request and the forecast", () => {
  const base = {
    campaign_type: "property_showcase" as const,
    channels: ["EMAIL", "SMS"] as const,
    segments: ["LUXURY_BUYERS"] as const,
    personalization_level: "ADVANCED" as const,
    goals: { open_rate: 0.3 },
    expected: industryPriors.property_showcase,
    audience_size: 100,
    estimated_reach: 50,
    has_content_overrides: true,
  };
  const out = deterministicSuggestions({ ...base, channels: [...base.channels], segments: [...base.segments] });
  expect(out.join("\n")).toContain("30%");
  expect(out.join("\n")).toContain("luxury");
  expect(out.join("\n")).toContain("160 characters");
  expect(out.join("\n")).toContain("50 of 100");
  const quiet = deterministicSuggestions({ ...base, channels: ["EMAIL"], segments: [], goals: {}, estimated_reach: 100, campaign_type: "market_update" });
  expect(quiet).toEqual([]);
});
