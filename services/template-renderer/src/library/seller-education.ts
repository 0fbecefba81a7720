import { callToAction, greeting, paragraph, placeName, signature, smsBody, smsIntro, smsLink, subheading } from "./content-blocks";
import { classicTheme, emailDocument } from "./email-layout";
import type { LibraryTemplate } from "./library-template";

const theme = classicTheme;

/** Information Gathering stage: teach what moves a sale, and build trust before pricing talks. */
export const sellerEducationPrep: LibraryTemplate = {
  template_id: "lib_seller_education_prep",
  template_name: "Seller Education — Preparing to Sell",
  description:
    "Three practical steps to a stronger sale (pricing from data, presentation, and a launch plan), with the seller's estimate when known.",
  campaign_type: "seller_education",
  target_segments: ["SELLERS", "DOWNSIZERS", "MOVE_UP_BUYERS"],
  contents: [
    {
      channel: "EMAIL",
      subject: "3 things that matter most when you sell in <%= it.neighborhood || it.city || \"today's market\" %>",
      preheader: "A short guide to pricing, presentation and timing, before you list.",
      body: emailDocument(theme, {
        title: "Preparing to sell",
        body: [
          greeting(),
          paragraph(
            `Whether you're planning to sell this season or simply want to understand your options, a little preparation goes a long way. Here's what makes the biggest difference for sellers in ${placeName}:`,
          ),
          subheading(theme, "1. Price with data, not guesswork"),
          paragraph(
            `A listing gets the most attention in its first two weeks. Pricing from recent comparable sales, not from other asking prices, helps you capture serious buyers while interest is at its peak.<% if (it.estimated_value) { %> Based on current data, <%= it.property_address || "your home" %> is estimated at around <strong><%= it.estimated_value %></strong>.<% } %>`,
          ),
          subheading(theme, "2. Make a strong first impression"),
          paragraph(
            "Most buyers see your home online before they ever step inside. Decluttering, small repairs, fresh paint and professional photography consistently pay for themselves in stronger offers.",
          ),
          subheading(theme, "3. Launch with a plan"),
          paragraph(
            `A coordinated launch (professional photos, targeted online marketing and well-timed open houses) builds momentum from day one.<% if (it.pricing_strategy) { %> For a home like yours, I'd suggest <%= it.pricing_strategy %>.<% } %>`,
          ),
          paragraph("I'd be happy to walk through each step for your home specifically, with no obligation."),
          callToAction(theme, "Get your personalized selling plan", "Reply to this email and I'll put together a personalized selling plan for your home."),
          signature("Warm regards,"),
        ].join("\n"),
      }),
    },
    {
      channel: "SMS",
      body: smsBody(
        smsIntro,
        `Thinking about selling? I put together a quick guide to pricing, prep and timing in ${placeName}. Want me to send it over or walk you through it?${smsLink}`,
      ),
    },
  ],
};
