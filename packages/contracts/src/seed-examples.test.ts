import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { CampaignCreationRequest, PropertyCampaignRequest, SeedCampaignGenerationResponse, CampaignGenerationResponse } from "./index";

const root = path.resolve(__dirname, "../../..");
const example = (name: string): unknown => JSON.parse(readFileSync(path.join(root, "examples", name), "utf8"));
const seedPath = path.resolve(root, "../shared/spec/seed-marketing-campaign-builder.md");

describe("the seed's example bodies", () => {
  test("the creation request parses unchanged, enum spellings included", () => {
    const parsed = CampaignCreationRequest.parse(example("create-campaign.json"));
    expect(parsed.campaign_type).toBe("property_showcase");
    expect(parsed.delivery_channels).toEqual(["EMAIL", "SMS"]);
    expect(parsed.personalization_level).toBe("ADVANCED");
    expect(parsed.target_audience_criteria.geographic_filters).toEqual({ city: "San Francisco", radius_miles: 10 });
  });

  test("the from-property request parses unchanged", () => {
    const parsed = PropertyCampaignRequest.parse(example("from-property.json"));
    expect(parsed.target_segments).toEqual(["LUXURY_BUYERS", "MOVE_UP_BUYERS"]);
    expect(parsed.delivery_preferences.channels).toEqual(["EMAIL", "SOCIAL_MEDIA"]);
  });

  test("the seed's response is the core of ours: every seed field is in our schema with the same type", () => {
    const seed = SeedCampaignGenerationResponse.parse(example("create-campaign-response.json"));
    const ours = CampaignGenerationResponse.parse({
      ...seed,
      expected_performance: { ...seed.expected_performance, basis: "industry_prior", rates: { open_rate: 0.3, click_rate: 0.08, conversion_rate: 0.017 } },
      campaign_status: "SCHEDULED",
      template_id: "tpl_property_showcase",
      optimizer: "deterministic",
    });
    expect(Object.keys(ours)).toEqual(expect.arrayContaining(Object.keys(seed)));
  });

  test("unknown fields are rejected by name", () => {
    const result = CampaignCreationRequest.safeParse({ ...(example("create-campaign.json") as object), colour: "blue" });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain("colour");
  });

  // The committed examples are the seed's own blocks, byte for byte (when the spec is beside the repo).
  const maybe = existsSync(seedPath) ? test : test.skip;
  maybe("examples/ hold the seed document's JSON blocks unchanged", () => {
    const blocks = [...readFileSync(seedPath, "utf8").matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]);
    for (const [index, name] of ["create-campaign.json", "create-campaign-response.json", "from-property.json"].entries()) {
      expect(readFileSync(path.join(root, "examples", name), "utf8")).toBe(blocks[index]);
    }
  });
});

test("content overrides are capped at 16 KB, so per-recipient delivery requests stay small", () => {
  const base = JSON.parse(readFileSync(path.join(root, "examples", "create-campaign.json"), "utf8")) as Record<string, unknown>;
  const big = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`note_${i}`, "x".repeat(1_900)]));
  const result = CampaignCreationRequest.safeParse({ ...base, content_overrides: big });
  expect(result.success).toBe(false);
  expect(result.error?.issues[0]?.path).toEqual(["content_overrides"]);
  expect(CampaignCreationRequest.safeParse({ ...base, content_overrides: { note: "x".repeat(1_900) } }).success).toBe(true);
});
