import { createHash } from "node:crypto";
import type { TemplateContent } from "@mcb/contracts";

/**
 * A stable fingerprint of a template's contents: the same contents in any order, with any key
 * order, hash the same, so a library sync adds a version only when the words really changed.
 */
export function hashTemplateContents(contents: readonly TemplateContent[]): string {
  const canonical = [...contents]
    .map((c) => [c.channel, c.subject ?? null, c.preheader ?? null, c.body] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return createHash("sha256").update(JSON.stringify(canonical)).digest("hex");
}
