/** Carriers and the TCPA expect every marketing text to say how to stop them. */
export const smsOptOutLine = "Reply STOP to opt out";

const optOutPresent = /\b(reply|text)\s+stop\b/i;

/** Tidies a rendered SMS (no blank runs or stray spaces) and appends the opt-out line if absent. */
export function finaliseSms(rendered: string): string {
  const text = rendered
    .split("\n")
    .map((line) => line.replace(/[ \t]+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  if (optOutPresent.test(text)) return text;
  return text ? `${text}\n${smsOptOutLine}` : smsOptOutLine;
}
