/**
 * Bounds parsed from the seed's range strings. `min` is always inclusive; `max` is exclusive
 * for income brackets ("100k-250k" and "250k+" share no contact) and inclusive for ages
 * ("35-55" includes 55-year-olds).
 */
export interface NumericBounds {
  min?: number;
  max?: number;
  maxExclusive: boolean;
}

export type RangeParseResult = { ok: true; bounds: NumericBounds } | { ok: false; reason: string };

const multipliers: Record<string, number> = { "": 1, k: 1_000, m: 1_000_000 };
const amountPattern = /^(\d+(?:\.\d+)?)([km]?)$/;

interface Amount {
  value: number;
  suffix: string;
}

function readAmount(text: string): Amount | undefined {
  const match = amountPattern.exec(text);
  if (!match?.[1]) return undefined;
  return { value: Number(match[1]), suffix: match[2] ?? "" };
}

// Rounded to cents so "1.2m" is 1200000, not 1199999.9999999998.
function toNumber(amount: Amount, suffix = amount.suffix): number {
  return Math.round(amount.value * (multipliers[suffix] ?? 1) * 100) / 100;
}

/**
 * Household income brackets: "250k+", "100k-250k", "<75k", "1.2m+", plain numbers alike.
 * A lower bound without a suffix takes the upper bound's ("100-250k" reads as 100k to 250k).
 */
export function parseIncomeRange(text: string): RangeParseResult {
  const compact = text.replace(/[\s,$]/g, "").toLowerCase();
  if (compact.startsWith("<")) {
    const upper = readAmount(compact.slice(1));
    if (!upper) return { ok: false, reason: `"${text}" is not an income range such as "<75k"` };
    return { ok: true, bounds: { max: toNumber(upper), maxExclusive: true } };
  }
  if (compact.endsWith("+")) {
    const lower = readAmount(compact.slice(0, -1));
    if (!lower) return { ok: false, reason: `"${text}" is not an income range such as "250k+"` };
    return { ok: true, bounds: { min: toNumber(lower), maxExclusive: true } };
  }
  const [lowText, highText, ...rest] = compact.split("-");
  const lower = lowText === undefined ? undefined : readAmount(lowText);
  const upper = highText === undefined ? undefined : readAmount(highText);
  if (!lower || !upper || rest.length > 0) {
    return { ok: false, reason: `"${text}" is not an income range such as "100k-250k", "250k+" or "<75k"` };
  }
  const min = toNumber(lower, lower.suffix || upper.suffix);
  const max = toNumber(upper);
  if (min > max) return { ok: false, reason: `"${text}" has its lower bound above its upper bound` };
  return { ok: true, bounds: { min, max, maxExclusive: true } };
}

/** Age ranges: "35-55" (both ends included) or "65+". */
export function parseAgeRange(text: string): RangeParseResult {
  const compact = text.replace(/\s/g, "");
  const open = /^(\d{1,3})\+$/.exec(compact);
  if (open?.[1]) return { ok: true, bounds: { min: Number(open[1]), maxExclusive: false } };
  const closed = /^(\d{1,3})-(\d{1,3})$/.exec(compact);
  if (!closed?.[1] || !closed[2]) return { ok: false, reason: `"${text}" is not an age range such as "35-55" or "65+"` };
  const min = Number(closed[1]);
  const max = Number(closed[2]);
  if (min > max) return { ok: false, reason: `"${text}" has its lower bound above its upper bound` };
  return { ok: true, bounds: { min, max, maxExclusive: false } };
}
