import { Eta, type TemplateFunction } from "eta";
import type { DeliverableChannel, TemplateContent } from "@mcb/contracts";
import type { TemplateData } from "./template-variables";

/** Missing values print nothing and lists print as "a, b", whatever a template forgets to guard. */
function printable(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (Array.isArray(value)) return value.join(", ");
  return String(value);
}

// SECURITY: eta compiles a template into a JavaScript function, so a template can run any code.
// The library templates are code we ship and review, which makes that acceptable. Tenant-authored
// templates must NOT be compiled this way without a sandbox (or a logic-less syntax): that is
// later work, and until it exists nothing tenant-written reaches these compilers.
const htmlEta = new Eta({ autoEscape: true, autoFilter: true, filterFunction: printable, cache: false });
// Subjects, preheaders and SMS are plain text: HTML escaping would show "&amp;" to the reader.
const textEta = new Eta({ autoEscape: false, autoFilter: true, filterFunction: printable, cache: false });

export type RenderPart = (data: TemplateData) => string;

export interface CompiledEmail {
  channel: "EMAIL";
  subject: RenderPart;
  preheader: RenderPart | undefined;
  html: RenderPart;
}
export interface CompiledSms {
  channel: "SMS";
  text: RenderPart;
}
export type CompiledChannelContent = CompiledEmail | CompiledSms;

/** A template's source does not compile; the template, not the request, needs fixing. */
export class TemplateCompileError extends Error {
  override readonly name = "TemplateCompileError";
  readonly code = "TEMPLATE_COMPILE_FAILED";
  constructor(
    readonly part: string,
    message: string,
    options: { cause?: unknown } = {},
  ) {
    super(`${part}: ${message}`, options);
  }
}

function compilePart(eta: Eta, source: string, part: string): RenderPart {
  let fn: TemplateFunction;
  try {
    fn = eta.compile(source);
  } catch (error) {
    throw new TemplateCompileError(part, error instanceof Error ? error.message.split("\n")[0] ?? "bad syntax" : "bad syntax", { cause: error });
  }
  return (data) => fn.call(eta, data);
}

/** Compiles one channel's content once; the result is cached and reused for every render. */
export function compileChannelContent(channel: DeliverableChannel, content: TemplateContent): CompiledChannelContent {
  if (channel === "SMS") return { channel, text: compilePart(textEta, content.body, "SMS body") };
  if (!content.subject) throw new TemplateCompileError("EMAIL subject", "email content has no subject");
  return {
    channel,
    subject: compilePart(textEta, content.subject, "EMAIL subject"),
    preheader: content.preheader ? compilePart(textEta, content.preheader, "EMAIL preheader") : undefined,
    html: compilePart(htmlEta, content.body, "EMAIL body"),
  };
}
