import { callToAction, greeting, paragraph, placeName, signature, smsBody, smsIntro, smsLink, subheading } from "./content-blocks";
import { classicTheme, emailDocument } from "./email-layout";
import type { LibraryTemplate } from "./library-template";

const theme = classicTheme;

const recapRow = (label: string, variable: string) =>
  `<% if (it.${variable}) { %><tr><td style="padding:6px 0;color:${theme.muted};width:45%;">${label}:</td><td style="padding:6px 0;"><strong><%= it.${variable} %></strong></td></tr><% } %>`;

const planRecap = `<% if (it.estimated_value || it.list_price || it.pricing_strategy) { %>
${paragraph("Here's a quick recap of the plan we agreed:")}
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 16px;padding:12px 16px;background-color:#f7f5f1;border-radius:4px;">
${recapRow("Estimated value", "estimated_value")}${recapRow("Planned list price", "list_price")}${recapRow("Pricing strategy", "pricing_strategy")}
</table>
<% } %>`;

/** Contract Preparation stage: turn a ready-to-list decision into a signed listing. */
export const conversionReadyToList: LibraryTemplate = {
  template_id: "lib_conversion_ready_to_list",
  template_name: "Conversion — Ready to List",
  description: "For sellers who have decided to list: recaps the agreed plan, lays out the final steps and asks for the signature.",
  campaign_type: "conversion_campaign",
  target_segments: ["SELLERS"],
  contents: [
    {
      channel: "EMAIL",
      subject: `<% if (it.first_name) { %><%= it.first_name %>, you're<% } else { %>You're<% } %> one step away from listing <%= it.property_address || "your home" %>`,
      preheader: "A quick recap of your plan and what happens after you sign.",
      body: emailDocument(theme, {
        title: "Ready to list",
        body: [
          greeting(),
          paragraph(
            `Thank you for trusting me with the sale of <% if (it.property_address) { %><strong><%= it.property_address %></strong><% } else { %>your home<% } %>. Everything is in place to get you on the market.`,
          ),
          planRecap,
          subheading(theme, "What happens next"),
          `<ol style="margin:0 0 16px;padding-left:20px;">
<li style="margin:0 0 6px;">Review and sign the listing agreement. It takes about 15 minutes, and I'll walk you through every line.</li>
<li style="margin:0 0 6px;">We schedule professional photography and any final touch-ups.</li>
<li style="margin:0 0 6px;">Your home goes live, and matched buyers hear about it the same day.</li>
</ol>`,
          paragraph(
            `Buyer interest in ${placeName} is strongest in a listing's first days, so setting your go-live date now keeps you in control of the timeline. Questions before you sign? I'm a call or a reply away<% if (it.agent_phone) { %> at <%= it.agent_phone %><% } %>.`,
          ),
          callToAction(theme, "Review and sign your listing agreement", "Reply to this email and I'll send your listing agreement over for signature."),
          signature("Here for you every step of the way,"),
        ].join("\n"),
      }),
    },
    {
      channel: "SMS",
      body: smsBody(
        smsIntro,
        `Everything's ready to list <%= it.property_address || "your home" %>. Once the listing agreement is signed, we'll book photos and set your go-live date. Any questions before you sign?${smsLink}`,
      ),
    },
  ],
};
