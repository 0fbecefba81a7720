import { parseAgeRange, parseIncomeRange } from "./criteria-ranges";

describe("parseIncomeRange", () => {
  test.each([
    ["250k+", { min: 250_000, maxExclusive: true }],
    ["1.2m+", { min: 1_200_000, maxExclusive: true }],
    ["100k-250k", { min: 100_000, max: 250_000, maxExclusive: true }],
    ["100K - 250K", { min: 100_000, max: 250_000, maxExclusive: true }],
    ["100-250k", { min: 100_000, max: 250_000, maxExclusive: true }],
    ["<75k", { max: 75_000, maxExclusive: true }],
    ["< 75000", { max: 75_000, maxExclusive: true }],
    ["80000+", { min: 80_000, maxExclusive: true }],
    ["0.5m-1.25m", { min: 500_000, max: 1_250_000, maxExclusive: true }],
  ])("%s", (text, bounds) => {
    expect(parseIncomeRange(text)).toEqual({ ok: true, bounds });
  });

  test.each(["", "lots", "250k-100k", "1-2-3", "k+", "<", "10x+"])("rejects %j with a reason", (text) => {
    const parsed = parseIncomeRange(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain(text ? `"${text}"` : '""');
  });
});

describe("parseAgeRange", () => {
  test.each([
    ["35-55", { min: 35, max: 55, maxExclusive: false }],
    ["35 - 55", { min: 35, max: 55, maxExclusive: false }],
    ["65+", { min: 65, maxExclusive: false }],
    ["18-18", { min: 18, max: 18, maxExclusive: false }],
  ])("%s", (text, bounds) => {
    expect(parseAgeRange(text)).toEqual({ ok: true, bounds });
  });

  test.each(["55-35", "old", "35-", "-35", "1000+"])("rejects %j", (text) => {
    expect(parseAgeRange(text).ok).toBe(false);
  });
});
