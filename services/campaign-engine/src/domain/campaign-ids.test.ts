import { deliveryIdFor, derivedCampaignId, newCampaignId } from "./campaign-ids";
import { CampaignId } from "@mcb/contracts";

test("ids: random campaign ids are valid and distinct; derived ids are stable per input", () => {
  const a = newCampaignId();
  expect(CampaignId.parse(a)).toBe(a);
  expect(newCampaignId()).not.toBe(a);
  expect(derivedCampaignId("t1", "stage", "evt-1")).toBe(derivedCampaignId("t1", "stage", "evt-1"));
  expect(derivedCampaignId("t1", "stage", "evt-1")).not.toBe(derivedCampaignId("t2", "stage", "evt-1"));
  expect(deliveryIdFor("camp_1", 0, "ct_1", "EMAIL")).toBe(deliveryIdFor("camp_1", 0, "ct_1", "EMAIL"));
  expect(new Set([deliveryIdFor("camp_1", 0, "ct_1", "EMAIL"), deliveryIdFor("camp_1", 0, "ct_1", "SMS"), deliveryIdFor("camp_1", 1, "ct_1", "EMAIL")]).size).toBe(3);
});
