import type { CampaignTemplate, TemplateContent } from "@mcb/contracts";

/**
 * A library entry as written in code: a CampaignTemplate without what the database assigns
 * (version) or what is derived from the contents (variables, is_library).
 */
export type LibraryTemplate = Omit<CampaignTemplate, "version" | "is_library" | "variables">;

const variableReference = /\bit\.([a-z][a-z0-9_]*)/g;

/** The variables a template reads, found from its `it.<name>` references, sorted. */
export function templateVariablesOf(contents: readonly TemplateContent[]): string[] {
  const names = new Set<string>();
  for (const content of contents) {
    for (const source of [content.subject, content.preheader, content.body]) {
      if (!source) continue;
      for (const match of source.matchAll(variableReference)) {
        if (match[1]) names.add(match[1]);
      }
    }
  }
  return [...names].sort();
}

/** The library entry as the contract shape at a given version (used by tests and tools). */
export function libraryTemplateAt(template: LibraryTemplate, version: number): CampaignTemplate {
  return { ...template, version, is_library: true, variables: templateVariablesOf(template.contents) };
}
