import type { RenderedContent } from "@mcb/contracts";
import { insertPreheader } from "./email-preheader";
import { htmlToText } from "./html-to-text";
import { finaliseSms } from "./sms-opt-out";
import type { CompiledChannelContent } from "./template-compiler";
import type { TemplateData } from "./template-variables";

/** Header lines must stay one line: a newline in a subject could inject mail headers. */
function singleLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Runs compiled content against resolved variables and shapes the RenderedContent reply. */
export function renderChannelOutput(compiled: CompiledChannelContent, data: TemplateData): RenderedContent {
  if (compiled.channel === "SMS") return { channel: "SMS", text: finaliseSms(compiled.text(data)) };
  const bodyHtml = compiled.html(data);
  const preheader = compiled.preheader ? singleLine(compiled.preheader(data)) : "";
  return {
    channel: "EMAIL",
    subject: singleLine(compiled.subject(data)),
    html: insertPreheader(bodyHtml, preheader),
    text: htmlToText(bodyHtml),
  };
}
