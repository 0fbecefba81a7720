function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * Puts the preheader (the preview line inboxes show after the subject) first inside <body>,
 * hidden from the reader. It is marked so the text alternative leaves it out.
 */
export function insertPreheader(html: string, preheader: string): string {
  if (!preheader) return html;
  const hidden =
    `<div data-text-alternative="omit" style="display:none;max-height:0;overflow:hidden;mso-hide:all;font-size:1px;line-height:1px;color:transparent;opacity:0;">` +
    `${escapeHtml(preheader)}</div>`;
  const bodyOpen = /<body\b[^>]*>/i.exec(html);
  if (!bodyOpen) return hidden + html;
  const at = bodyOpen.index + bodyOpen[0].length;
  return html.slice(0, at) + hidden + html.slice(at);
}
