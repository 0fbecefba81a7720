import type { EmailTheme } from "./email-layout";

/*
 * Reusable pieces of eta source for the library templates. Every known variable is always
 * defined when a template runs ("" or []), so each block either falls back to neutral wording
 * or leaves itself out when its data is missing.
 */

/** "SOMA, San Francisco", or whichever half is known, or "your area". */
export const placeName = `<%= [it.neighborhood, it.city].filter(Boolean).join(", ") || "your area" %>`;

/** For phrases like "the SOMA market" / "the local market". */
export const localPlaceName = `<%= [it.neighborhood, it.city].filter(Boolean).join(", ") || "local" %>`;

export const propertyKind = `<%= it.property_type || "home" %>`;

export function paragraph(html: string): string {
  return `<p style="margin:0 0 16px;">${html}</p>`;
}

export function greeting(salutation = "Hi"): string {
  return paragraph(`${salutation} <%= it.first_name || "there" %>,`);
}

export function heading(theme: EmailTheme, html: string, size = 22): string {
  return `<h2 style="margin:8px 0 12px;font-family:${theme.headingFont};font-size:${size}px;line-height:1.3;font-weight:normal;color:${theme.text};">${html}</h2>`;
}

export function subheading(theme: EmailTheme, html: string): string {
  return `<h3 style="margin:24px 0 6px;font-family:${theme.headingFont};font-size:17px;line-height:1.4;color:${theme.accent};">${html}</h3>`;
}

export function bulletList(items: readonly string[]): string {
  const rows = items.map((item) => `<li style="margin:0 0 6px;">${item}</li>`).join("\n");
  return `<ul style="margin:0 0 16px;padding-left:20px;">\n${rows}\n</ul>`;
}

/** "4 bedrooms · 3 bathrooms · 2,850 sq ft", showing only the facts that are known. */
export function propertyFacts(theme: EmailTheme): string {
  return `<% { const facts = [it.bedrooms && it.bedrooms + (it.bedrooms === "1" ? " bedroom" : " bedrooms"), it.bathrooms && it.bathrooms + (it.bathrooms === "1" ? " bathroom" : " bathrooms"), it.square_feet && it.square_feet + " sq ft"].filter(Boolean); if (facts.length) { %>
<p style="margin:0 0 12px;font-size:15px;letter-spacing:0.5px;color:${theme.muted};"><%= facts.join(" · ") %></p>
<% } } %>`;
}

/** A listing shows its asking price; a valuation-driven email shows the estimate instead. */
export function priceLine(theme: EmailTheme): string {
  return `<% if (it.list_price) { %>
<p style="margin:0 0 16px;font-size:18px;color:${theme.accent};"><strong>Offered at <%= it.list_price %></strong></p>
<% } else if (it.estimated_value) { %>
<p style="margin:0 0 16px;font-size:16px;color:${theme.accent};">Estimated value: <strong><%= it.estimated_value %></strong></p>
<% } %>`;
}

export function featureList(intro: string): string {
  return `<% if (it.highlight_features.length) { %>
<p style="margin:0 0 8px;">${intro}</p>
<ul style="margin:0 0 16px;padding-left:20px;">
<% it.highlight_features.forEach(function (feature) { %><li style="margin:0 0 6px;"><%= feature %></li>
<% }) %></ul>
<% } %>`;
}

/** A button when there is a link to follow; otherwise an invitation to reply. */
export function callToAction(theme: EmailTheme, label: string, replyInstead: string): string {
  return `<% if (it.cta_url) { %>
<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:28px 0;"><tr><td style="border-radius:4px;background-color:${theme.button};"><a href="<%= it.cta_url %>" style="display:inline-block;padding:14px 28px;font-family:${theme.bodyFont};font-size:15px;font-weight:bold;color:${theme.buttonText};text-decoration:none;border-radius:4px;">${label}</a></td></tr></table>
<% } else { %>
<p style="margin:28px 0;">${replyInstead}</p>
<% } %>`;
}

export function signature(signOff: string): string {
  return `<p style="margin:28px 0 0;">${signOff}<br><strong><%= it.agent_name || "Your real estate team" %></strong><% if (it.agent_name && it.agency_name) { %><br><%= it.agency_name %><% } %><% if (it.agent_phone) { %><br><%= it.agent_phone %><% } %></p>`;
}

/** SMS opener that says who is texting, as carriers expect. */
export const smsIntro = `Hi <%= it.first_name || "there" %>, <% if (it.agent_name) { %>it's <%= it.agent_name %><% if (it.agency_name) { %> with <%= it.agency_name %><% } %><% } else if (it.agency_name) { %>it's <%= it.agency_name %><% } else { %>it's your real estate agent<% } %>.`;

/** " (3 bd, 2 ba, 1,850 sq ft)" or nothing. */
export const smsFacts = `<% { const facts = [it.bedrooms && it.bedrooms + " bd", it.bathrooms && it.bathrooms + " ba", it.square_feet && it.square_feet + " sq ft"].filter(Boolean); if (facts.length) { %> (<%= facts.join(", ") %>)<% } } %>`;

export const smsLink = `<% if (it.cta_url) { %> <%= it.cta_url %><% } %>`;

/** One SMS body from its sentences; the renderer appends the opt-out line. */
export function smsBody(...parts: string[]): string {
  return parts.join(" ");
}
