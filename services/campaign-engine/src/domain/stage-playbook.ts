import type { CampaignType, DeliverableChannel, WorkflowStage } from "@mcb/contracts";

export interface StagePlay {
  campaign_type: CampaignType;
  channels: DeliverableChannel[];
  /** Human name of the campaign a seller entering this stage gets. */
  label: string;
}

/** The seed's workflow table: which campaign a seller gets on entering each stage. */
export const stagePlaybook: Record<WorkflowStage, StagePlay> = {
  initial_contact: { campaign_type: "lead_nurturing", channels: ["EMAIL", "SMS"], label: "Welcome & nurturing" },
  information_gathering: { campaign_type: "seller_education", channels: ["EMAIL"], label: "Seller education" },
  market_education: { campaign_type: "market_update", channels: ["EMAIL"], label: "Market update" },
  property_evaluation: { campaign_type: "property_showcase", channels: ["EMAIL", "SMS"], label: "Property showcase" },
  pricing_discussion: { campaign_type: "listing_promotion", channels: ["EMAIL", "SMS"], label: "Listing promotion" },
  contract_preparation: { campaign_type: "conversion_campaign", channels: ["EMAIL", "SMS"], label: "Ready to list" },
};
