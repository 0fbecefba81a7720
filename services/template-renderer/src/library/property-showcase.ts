import { callToAction, featureList, greeting, heading, paragraph, placeName, priceLine, propertyFacts, propertyKind, signature, smsBody, smsFacts, smsIntro, smsLink } from "./content-blocks";
import { classicTheme, emailDocument, luxuryTheme } from "./email-layout";
import type { LibraryTemplate } from "./library-template";

const classic = classicTheme;

/** Property Evaluation stage: one home, its facts and highlights, and an invitation to see it. */
export const propertyShowcaseClassic: LibraryTemplate = {
  template_id: "lib_property_showcase_classic",
  template_name: "Property Showcase — Featured Home",
  description:
    "Presents a single home with its key facts, highlights and an invitation to a private showing. Sent when a valuation completes or a new home fits the audience.",
  campaign_type: "property_showcase",
  target_segments: ["FIRST_TIME_BUYERS", "MOVE_UP_BUYERS", "RELOCATING_BUYERS", "DOWNSIZERS"],
  contents: [
    {
      channel: "EMAIL",
      subject: `<% if (it.property_address) { %>Take a look inside <%= it.property_address %><% } else { %>A ${propertyKind} in ${placeName} worth a closer look<% } %>`,
      preheader: "Photos, highlights and a private showing on your schedule.",
      body: emailDocument(classic, {
        title: "Featured home",
        body: [
          greeting(),
          paragraph(
            `I wanted you to be among the first to see this ${propertyKind} in ${placeName}. It checks a lot of boxes, and I think it deserves a closer look.`,
          ),
          heading(classic, `<%= it.property_address || "Featured home" %>`),
          propertyFacts(classic),
          priceLine(classic),
          featureList("A few things that stand out:"),
          paragraph(
            `Homes like this tend to draw attention quickly. If it's a fit for what you're looking for, I'd be glad to arrange a private showing and walk you through recent sales nearby, so you know exactly how it compares.`,
          ),
          callToAction(classic, "Schedule a private showing", "Just reply to this email and I'll set up a private showing at a time that works for you."),
          signature("Warm regards,"),
        ].join("\n"),
      }),
    },
    {
      channel: "SMS",
      body: smsBody(
        smsIntro,
        `Take a look at <%= it.property_address || "a home I think you'll like" %> in ${placeName}${smsFacts}.`,
        `Want to see it in person?${smsLink}`,
      ),
    },
  ],
};

/** The luxury variant: quieter, more discreet copy and the champagne theme. */
export const propertyShowcaseLuxury: LibraryTemplate = {
  template_id: "lib_property_showcase_luxury",
  template_name: "Property Showcase — Luxury Collection",
  description:
    "An understated private preview of a luxury residence for high-end and move-up buyers, inviting a discreet private tour.",
  campaign_type: "property_showcase",
  target_segments: ["LUXURY_BUYERS", "MOVE_UP_BUYERS"],
  contents: [
    {
      channel: "EMAIL",
      subject: `A private preview: <%= it.property_address || "an exceptional residence in " + ([it.neighborhood, it.city].filter(Boolean).join(", ") || "a coveted setting") %>`,
      preheader: "An invitation to experience this residence privately, at your convenience.",
      body: emailDocument(luxuryTheme, {
        title: "A private preview",
        body: [
          paragraph(`<%= it.first_name ? "Dear " + it.first_name + "," : "Good day," %>`),
          paragraph(
            `It is my pleasure to share a <%= it.property_type || "residence" %> in ${placeName} that pairs refined design with a setting that is increasingly difficult to find.`,
          ),
          heading(luxuryTheme, `<%= it.property_address || "An exceptional residence" %>`, 26),
          propertyFacts(luxuryTheme),
          priceLine(luxuryTheme),
          featureList("Distinguishing features include:"),
          paragraph(
            "Residences of this calibre are best appreciated in person. I would be delighted to arrange a private tour at a time of your choosing, with complete discretion.",
          ),
          callToAction(luxuryTheme, "Arrange a private tour", "Simply reply to this note and I will arrange a private tour at your convenience."),
          signature("With appreciation,"),
        ].join("\n"),
      }),
    },
    {
      channel: "SMS",
      body: smsBody(
        `<% if (it.first_name) { %><%= it.first_name %>, a<% } else { %>A<% } %> private preview for you: <%= it.property_address || "an exceptional residence" %> in ${placeName}${smsFacts}.`,
        `May I arrange a discreet private tour?${smsLink}`,
        `– <%= it.agent_name || it.agency_name || "Your agent" %>`,
      ),
    },
  ],
};
