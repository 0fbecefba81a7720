import { CampaignStatus, LifecycleAction } from "@mcb/contracts";
import { allowedFrom, canApply, nextStatus } from "./campaign-lifecycle";

describe("the campaign state machine", () => {
  test.each([
    ["launch", "DRAFT", null, "SCHEDULED"],
    ["launch", "SCHEDULED", null, "SCHEDULED"],
    ["pause", "SCHEDULED", null, "PAUSED"],
    ["pause", "ACTIVE", new Date(), "PAUSED"],
    ["resume", "PAUSED", null, "SCHEDULED"],
    ["resume", "PAUSED", new Date(), "ACTIVE"],
    ["cancel", "ACTIVE", new Date(), "CANCELLED"],
  ] as const)("%s from %s (launched %s) leads to %s", (action, from, launchedAt, to) => {
    expect(canApply(action, from)).toBe(true);
    expect(nextStatus(action, { campaign_status: from, launched_at: launchedAt })).toBe(to);
  });

  test("finished campaigns accept no lifecycle move, and only drafts can be deleted", () => {
    for (const action of LifecycleAction.options) {
      expect(canApply(action, "COMPLETED")).toBe(false);
      expect(canApply(action, "CANCELLED")).toBe(false);
    }
    expect(CampaignStatus.options.filter((s) => canApply("delete", s))).toEqual(["DRAFT"]);
    expect(CampaignStatus.options.filter((s) => canApply("edit", s))).toEqual(["DRAFT", "SCHEDULED"]);
    expect(allowedFrom.resume).toEqual(["PAUSED"]);
  });
});
