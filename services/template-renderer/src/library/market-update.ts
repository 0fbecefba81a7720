import { callToAction, greeting, localPlaceName, paragraph, signature, smsBody, smsIntro, smsLink } from "./content-blocks";
import { classicTheme, emailDocument } from "./email-layout";
import type { LibraryTemplate } from "./library-template";

const theme = classicTheme;

const statRow = (label: string, variable: string) =>
  `<% if (it.${variable}) { %><tr><td style="padding:8px 0;font-size:13px;letter-spacing:1px;text-transform:uppercase;color:${theme.muted};">${label}:</td><td align="right" style="padding:8px 0;font-size:20px;color:${theme.accent};"><strong><%= it.${variable} %></strong></td></tr><% } %>`;

const marketStats = `<% if (it.median_price || it.days_on_market) { %>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 16px;padding:8px 16px;background-color:#f7f5f1;border-radius:4px;">
${statRow("Median sale price", "median_price")}${statRow("Average days on market", "days_on_market")}
</table>
<% } %>`;

/** Market Education stage: local numbers, what they mean, and an offer of a home value report. */
export const marketUpdateMonthly: LibraryTemplate = {
  template_id: "lib_market_update_monthly",
  template_name: "Market Update — Neighborhood Snapshot",
  description:
    "A monthly snapshot of local prices and pace, what it means for the reader's home, and an offer of a personalized value estimate.",
  campaign_type: "market_update",
  target_segments: ["SELLERS", "PAST_CLIENTS", "SPHERE_OF_INFLUENCE", "INVESTORS"],
  contents: [
    {
      channel: "EMAIL",
      subject: `Your <%= it.neighborhood || it.city || "local" %> market update: what's changed this month`,
      preheader: `<% if (it.median_price) { %>Median sale price: <%= it.median_price %>. <% } %>Here's what the latest numbers mean for you.`,
      body: emailDocument(theme, {
        title: "Your market update",
        body: [
          greeting(),
          paragraph(`Here's a quick look at where the ${localPlaceName} market stands right now, and what it could mean for you.`),
          marketStats,
          `<% if (it.market_trend) { %>${paragraph("<%= it.market_trend %>")}<% } %>`,
          paragraph(
            `<% if (it.estimated_value) { %>Based on recent activity, I estimate <%= it.property_address || "your home" %> is currently worth around <strong><%= it.estimated_value %></strong>. <% } %>Values can shift from one street to the next, so if you'd like a precise, no-obligation estimate for your home, I'm happy to prepare one.`,
          ),
          paragraph("Thinking about a move in the next year? Timing matters, and a short conversation now can help you plan for the best possible result."),
          callToAction(theme, "See your home's current value", "Reply to this email for a free, no-obligation home value report."),
          signature("Best,"),
        ].join("\n"),
      }),
    },
    {
      channel: "SMS",
      body: smsBody(
        smsIntro,
        `<% { const stats = [it.median_price && "median sale price " + it.median_price, it.days_on_market && "homes selling in about " + it.days_on_market + " days"].filter(Boolean); if (stats.length) { %>Quick ${localPlaceName} market update: <%= stats.join(", ") %>.<% } else { %>The latest ${localPlaceName} market numbers are in.<% } } %>`,
        `Want a free estimate of your home's value?${smsLink}`,
      ),
    },
  ],
};
