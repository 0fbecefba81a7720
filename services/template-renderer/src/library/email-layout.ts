/**
 * The shared email shell of the library: a table-based, inline-styled layout that renders in
 * every major mail client. Bodies are eta source; the shell adds the agency header, footer and
 * the compliance lines (why you get this, postal address, unsubscribe).
 */
export interface EmailTheme {
  background: string;
  card: string;
  text: string;
  muted: string;
  accent: string;
  rule: string;
  button: string;
  buttonText: string;
  bodyFont: string;
  headingFont: string;
}

export const classicTheme: EmailTheme = {
  background: "#f3f0ea",
  card: "#ffffff",
  text: "#2d2a26",
  muted: "#6f6a63",
  accent: "#1f4e5f",
  rule: "#e6e1d8",
  button: "#1f4e5f",
  buttonText: "#ffffff",
  bodyFont: "Helvetica, Arial, sans-serif",
  headingFont: "Helvetica, Arial, sans-serif",
};

export const luxuryTheme: EmailTheme = {
  background: "#ece7df",
  card: "#fffdf9",
  text: "#1c1b19",
  muted: "#6b6459",
  accent: "#9a7b4f",
  rule: "#e4dccd",
  button: "#1c1b19",
  buttonText: "#f5efe6",
  bodyFont: "Helvetica, Arial, sans-serif",
  headingFont: "Georgia, 'Times New Roman', serif",
};

function footer(theme: EmailTheme): string {
  return `<p style="margin:0 0 8px;">You're receiving this email because you connected with <%= it.agent_name || it.agency_name || "our team" %> about real estate<% if (it.city) { %> in <%= it.city %><% } %>.</p>
<% if (it.agency_address) { %><p style="margin:0 0 8px;"><%= it.agency_name %><% if (it.agency_name) { %> · <% } %><%= it.agency_address %></p><% } %>
<p style="margin:0;"><% if (it.unsubscribe_url) { %><a href="<%= it.unsubscribe_url %>" style="color:${theme.muted};text-decoration:underline;">Unsubscribe</a> from these emails at any time.<% } else { %>To stop receiving these emails, reply with "unsubscribe".<% } %></p>`;
}

/** Wraps a body in the full HTML document every library email shares. */
export function emailDocument(theme: EmailTheme, options: { title: string; body: string }): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title}</title>
</head>
<body style="margin:0;padding:0;background-color:${theme.background};">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:${theme.background};">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:600px;background-color:${theme.card};border-radius:6px;">
<tr><td style="padding:28px 36px 0;font-family:${theme.bodyFont};font-size:12px;letter-spacing:2px;text-transform:uppercase;color:${theme.accent};"><%= it.agency_name || it.agent_name || "Your Real Estate Team" %></td></tr>
<tr><td style="padding:16px 36px 32px;font-family:${theme.bodyFont};font-size:16px;line-height:1.6;color:${theme.text};">
${options.body}
</td></tr>
<tr><td style="padding:20px 36px 28px;border-top:1px solid ${theme.rule};font-family:${theme.bodyFont};font-size:12px;line-height:1.5;color:${theme.muted};">
${footer(theme)}
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>`;
}
