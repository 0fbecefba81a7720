import type { CampaignType, ExpectedPerformance } from "@mcb/contracts";

export interface EngagementRates {
  open_rate: number;
  click_rate: number;
  conversion_rate: number;
}

/**
 * Stated priors used until a tenant has history of its own: published real-estate email
 * benchmarks put opens near 20–25% and clicks near 2–4% of recipients; conversions (a reply,
 * booked call or form) are taken as a share of recipients. Assumptions, not measurements.
 */
export const industryPriors: Record<CampaignType, EngagementRates> = {
  property_showcase: { open_rate: 0.24, click_rate: 0.035, conversion_rate: 0.008 },
  lead_nurturing: { open_rate: 0.22, click_rate: 0.025, conversion_rate: 0.006 },
  market_update: { open_rate: 0.26, click_rate: 0.03, conversion_rate: 0.004 },
  seller_education: { open_rate: 0.25, click_rate: 0.03, conversion_rate: 0.007 },
  buyer_alerts: { open_rate: 0.3, click_rate: 0.06, conversion_rate: 0.01 },
  listing_promotion: { open_rate: 0.23, click_rate: 0.03, conversion_rate: 0.008 },
  conversion_campaign: { open_rate: 0.28, click_rate: 0.05, conversion_rate: 0.02 },
};

export function projectPerformance(reach: number, rates: EngagementRates, basis: ExpectedPerformance["basis"]): ExpectedPerformance {
  return {
    projected_opens: Math.round(reach * rates.open_rate),
    projected_clicks: Math.round(reach * rates.click_rate),
    projected_conversions: Math.round(reach * rates.conversion_rate),
    basis,
    rates: { ...rates },
  };
}
