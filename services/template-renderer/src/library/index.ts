import type { CampaignType } from "@mcb/contracts";
import { buyerAlertNewMatch } from "./buyer-alerts";
import { conversionReadyToList } from "./conversion-campaign";
import { leadNurturingWelcome } from "./lead-nurturing";
import type { LibraryTemplate } from "./library-template";
import { listingPromotionJustListed, listingPromotionMarketingPlan } from "./listing-promotion";
import { marketUpdateMonthly } from "./market-update";
import { propertyShowcaseClassic, propertyShowcaseLuxury } from "./property-showcase";
import { sellerEducationPrep } from "./seller-education";

export { type LibraryTemplate, templateVariablesOf, libraryTemplateAt } from "./library-template";

/** The real-estate template library every tenant can use; synced into Postgres at start. */
export const templateLibrary: readonly LibraryTemplate[] = [
  propertyShowcaseClassic,
  propertyShowcaseLuxury,
  leadNurturingWelcome,
  marketUpdateMonthly,
  sellerEducationPrep,
  buyerAlertNewMatch,
  listingPromotionMarketingPlan,
  listingPromotionJustListed,
  conversionReadyToList,
];

/** The template each campaign type falls back to when the audience's segments do not decide. */
export const libraryDefaultTemplateIds: Record<CampaignType, string> = {
  property_showcase: propertyShowcaseClassic.template_id,
  lead_nurturing: leadNurturingWelcome.template_id,
  market_update: marketUpdateMonthly.template_id,
  seller_education: sellerEducationPrep.template_id,
  buyer_alerts: buyerAlertNewMatch.template_id,
  listing_promotion: listingPromotionMarketingPlan.template_id,
  conversion_campaign: conversionReadyToList.template_id,
};
