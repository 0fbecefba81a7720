import { bulletList, callToAction, featureList, greeting, heading, paragraph, placeName, priceLine, propertyFacts, propertyKind, signature, smsBody, smsIntro, smsLink } from "./content-blocks";
import { classicTheme, emailDocument } from "./email-layout";
import type { LibraryTemplate } from "./library-template";

const theme = classicTheme;

/** Pricing Discussion stage: show the seller how their home will be marketed (the default). */
export const listingPromotionMarketingPlan: LibraryTemplate = {
  template_id: "lib_listing_promotion_marketing_plan",
  template_name: "Listing Promotion — Your Marketing Plan",
  description:
    "Sent to a seller once pricing is agreed: lays out how the home will be photographed, promoted and shown, anchored to the agreed pricing strategy.",
  campaign_type: "listing_promotion",
  target_segments: ["SELLERS"],
  contents: [
    {
      channel: "EMAIL",
      subject: `How we'll market <%= it.property_address || "your home" %>`,
      preheader: "Professional photography, targeted buyer outreach and a launch plan built around your price.",
      body: emailDocument(theme, {
        title: "Your marketing plan",
        body: [
          greeting(),
          paragraph(
            `Now that we've talked through pricing<% if (it.property_address) { %> for <strong><%= it.property_address %></strong><% } %>, here's exactly how I'll put your home in front of the right buyers:`,
          ),
          bulletList([
            "Professional photography and a polished listing that makes buyers stop scrolling",
            `Targeted promotion to active buyers searching in ${placeName}, plus my network of agents and past clients`,
            "Email and text alerts to matched buyers the day your home goes live",
            "Open houses and private showings scheduled around your routine",
            "Weekly updates on showings, buyer feedback and online activity",
          ]),
          `<% if (it.pricing_strategy || it.estimated_value) { %>${paragraph(
            `<strong>Pricing plan:</strong> <%= it.pricing_strategy || "priced from recent comparable sales" %><% if (it.estimated_value) { %>, anchored to an estimated value of <%= it.estimated_value %><% } %>.`,
          )}<% } %>`,
          paragraph("The first two weeks set the tone for the whole sale, so a strong launch matters. When you're ready, we can lock in your go-live date."),
          callToAction(theme, "Review your marketing plan", "Reply to this email and we'll pick your go-live date together."),
          signature("Looking forward to it,"),
        ].join("\n"),
      }),
    },
    {
      channel: "SMS",
      body: smsBody(
        smsIntro,
        `Your marketing plan for <%= it.property_address || "your home" %> is ready: pro photos, targeted buyer outreach and a launch built around your price. Want to pick a go-live date?${smsLink}`,
      ),
    },
  ],
};

/** A new listing announced to the agent's sphere and active buyers, with its open house. */
export const listingPromotionJustListed: LibraryTemplate = {
  template_id: "lib_listing_promotion_just_listed",
  template_name: "Listing Promotion — Just Listed",
  description: "Announces a new listing and its open house to the agent's sphere, past clients and active buyers, and invites referrals.",
  campaign_type: "listing_promotion",
  target_segments: ["SPHERE_OF_INFLUENCE", "PAST_CLIENTS", "FIRST_TIME_BUYERS", "MOVE_UP_BUYERS"],
  contents: [
    {
      channel: "EMAIL",
      subject: `Just listed<% if (it.neighborhood || it.city) { %> in <%= it.neighborhood || it.city %><% } %>: <%= it.property_address || "a home worth seeing" %>`,
      preheader: `<% if (it.open_house_date) { %>Open house <%= it.open_house_date %>. <% } %>Know someone who'd love it? Pass it along.`,
      body: emailDocument(theme, {
        title: "Just listed",
        body: [
          greeting(),
          paragraph(`I'm excited to share my newest listing: a ${propertyKind} in ${placeName} that's ready for its next owner.`),
          heading(theme, `<%= it.property_address || "Just listed" %>`),
          propertyFacts(theme),
          priceLine(theme),
          featureList("Highlights:"),
          `<% if (it.open_house_date) { %>${paragraph("<strong>Open house:</strong> <%= it.open_house_date %>. Stop by, no appointment needed.")}<% } %>`,
          paragraph("Know someone who'd be a great fit? Forward this along. A referral from you is the highest compliment I can receive."),
          callToAction(theme, "View the full listing", "Reply for the full listing details or to book a private showing."),
          signature("Thank you,"),
        ].join("\n"),
      }),
    },
    {
      channel: "SMS",
      body: smsBody(
        smsIntro,
        `Just listed: <%= it.property_address || "a new home" %> in ${placeName}<% if (it.list_price) { %>, <%= it.list_price %><% } %>.<% if (it.open_house_date) { %> Open house <%= it.open_house_date %>.<% } %>`,
        `Know someone who'd love it?${smsLink}`,
      ),
    },
  ],
};
