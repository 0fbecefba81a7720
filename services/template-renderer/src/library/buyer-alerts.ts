import { callToAction, featureList, greeting, heading, paragraph, placeName, priceLine, propertyFacts, propertyKind, signature, smsBody, smsFacts, smsIntro, smsLink } from "./content-blocks";
import { classicTheme, emailDocument } from "./email-layout";
import type { LibraryTemplate } from "./library-template";

const theme = classicTheme;

/** A new listing that matches a buyer's search, with a fast path to a showing. */
export const buyerAlertNewMatch: LibraryTemplate = {
  template_id: "lib_buyer_alerts_new_match",
  template_name: "Buyer Alert — New Match",
  description: "Alerts an active buyer to a newly listed home that matches their search, with its key facts and a fast path to a showing.",
  campaign_type: "buyer_alerts",
  target_segments: ["FIRST_TIME_BUYERS", "MOVE_UP_BUYERS", "RELOCATING_BUYERS", "INVESTORS"],
  contents: [
    {
      channel: "EMAIL",
      subject: `New match: <% if (it.property_address) { %><%= it.property_address %><% } else { %>a ${propertyKind} in ${placeName}<% } %><% if (it.list_price) { %> at <%= it.list_price %><% } %>`,
      preheader: "It just came on the market and fits what you're looking for. Good homes move fast.",
      body: emailDocument(theme, {
        title: "New match for your search",
        body: [
          greeting(),
          paragraph("A new listing just came up that matches what you told me you're looking for:"),
          heading(theme, `<%= it.property_address || "New listing in " + ([it.neighborhood, it.city].filter(Boolean).join(", ") || "your search area") %>`),
          propertyFacts(theme),
          priceLine(theme),
          featureList("Why it caught my eye:"),
          paragraph(
            `Well-priced homes in ${placeName} don't stay available for long<% if (it.days_on_market) { %>. Right now the average is just <%= it.days_on_market %> days on market<% } %>. If you'd like to see it, let me know and I'll find a time that works, often the same day.`,
          ),
          callToAction(theme, "Request a showing", "Reply with a couple of times that work for you and I'll arrange a showing."),
          signature("Happy house hunting,"),
        ].join("\n"),
      }),
    },
    {
      channel: "SMS",
      body: smsBody(
        smsIntro,
        `New match for your search: <%= it.property_address || "a new listing" %> in ${placeName}<% if (it.list_price) { %>, <%= it.list_price %><% } %>${smsFacts}.`,
        `Want to see it?${smsLink}`,
      ),
    },
  ],
};
