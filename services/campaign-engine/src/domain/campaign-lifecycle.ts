import type { CampaignStatus, LifecycleAction } from "@mcb/contracts";

export type CampaignOperation = LifecycleAction | "edit" | "delete";

/** Which states each operation may start from: the campaign state machine, in one place. */
export const allowedFrom: Record<CampaignOperation, readonly CampaignStatus[]> = {
  launch: ["DRAFT", "SCHEDULED"],
  pause: ["SCHEDULED", "ACTIVE"],
  resume: ["PAUSED"],
  cancel: ["DRAFT", "SCHEDULED", "ACTIVE", "PAUSED"],
  edit: ["DRAFT", "SCHEDULED"],
  delete: ["DRAFT"],
};

export interface LifecycleState {
  campaign_status: CampaignStatus;
  /** Set once every recipient has been handed to delivery. */
  launched_at: Date | null;
}

/**
 * The state an action leads to. Launching schedules the campaign for now (the launcher then makes
 * it ACTIVE); resuming returns a campaign to ACTIVE if its launch had finished, else to SCHEDULED
 * so the launcher continues from its cursor.
 */
export function nextStatus(action: LifecycleAction, state: LifecycleState): CampaignStatus {
  switch (action) {
    case "launch":
      return "SCHEDULED";
    case "pause":
      return "PAUSED";
    case "resume":
      return state.launched_at ? "ACTIVE" : "SCHEDULED";
    case "cancel":
      return "CANCELLED";
  }
}

export function canApply(operation: CampaignOperation, status: CampaignStatus): boolean {
  return allowedFrom[operation].includes(status);
}
