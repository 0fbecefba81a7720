import type { TemplateValue, TemplateVariables } from "@mcb/contracts";

type VariableKind = "text" | "money" | "count" | "list" | "url" | "property_type" | "pricing_strategy";

/**
 * The variables the library templates use and how each is normalised. Every one of them is
 * always defined when a template runs ("" or []), so templates can write `it.x || "fallback"`
 * and `if (it.x)` without ever printing "undefined".
 */
const knownVariables = new Map<string, VariableKind>([
  ["first_name", "text"],
  ["last_name", "text"],
  ["agent_name", "text"],
  ["agent_phone", "text"],
  ["agency_name", "text"],
  ["property_address", "text"],
  ["property_type", "property_type"],
  ["neighborhood", "text"],
  ["city", "text"],
  ["estimated_value", "money"],
  ["list_price", "money"],
  ["median_price", "money"],
  ["bedrooms", "count"],
  ["bathrooms", "count"],
  ["square_feet", "count"],
  ["days_on_market", "count"],
  ["highlight_features", "list"],
  ["pricing_strategy", "pricing_strategy"],
  ["market_trend", "text"],
  ["open_house_date", "text"],
  ["agency_address", "text"],
  ["cta_url", "url"],
  ["unsubscribe_url", "url"],
]);

/** What a compiled template receives as `it`: display-ready values. */
export type TemplateData = Record<string, TemplateValue>;

const currency = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });
const count = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
const numericText = /^\d+(\.\d+)?$/;
const snakeToken = /^[a-z0-9]+(?:_[a-z0-9]+)*$/;

const propertyTypeLabels: Record<string, string> = {
  single_family: "single-family home",
  condo: "condo",
  luxury_condo: "luxury condo",
  townhouse: "townhome",
  multi_family: "multi-family property",
  land: "homesite",
  commercial: "commercial property",
  other: "property",
};

// The seed sends strategies as tokens ("market_competitive"); readers get a phrase that fits
// after "I'd suggest" or a "Pricing strategy" label.
const pricingStrategyPhrases: Record<string, string> = {
  market_competitive: "market-competitive pricing, in line with recent comparable sales, to draw strong and qualified interest from day one",
  aggressive: "pricing just under comparable sales to create urgency and invite multiple offers",
  below_market: "pricing just under comparable sales to create urgency and invite multiple offers",
  premium: "premium pricing that reflects the home's standout features, backed by targeted marketing",
  above_market: "premium pricing that reflects the home's standout features, backed by targeted marketing",
  value_based: "value-based pricing that weighs the home's condition, upgrades and location against recent sales",
};

/** "city_views" → "City views"; free text is kept as the sender wrote it. */
function humanise(value: string): string {
  const trimmed = value.trim();
  if (!snakeToken.test(trimmed)) return trimmed;
  const words = trimmed.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function asText(value: TemplateValue | undefined): string {
  if (typeof value === "string") return value.trim();
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (Array.isArray(value)) return value.map((v) => v.trim()).filter(Boolean).join(", ");
  return "";
}

function asNumber(value: TemplateValue | undefined): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && numericText.test(value.trim())) return Number(value.trim());
  return undefined;
}

function asUrl(value: TemplateValue | undefined): string {
  const text = asText(value);
  if (!text) return "";
  try {
    const url = new URL(text);
    // Anything but web links (javascript:, data:) is dropped rather than put in an href.
    return url.protocol === "https:" || url.protocol === "http:" ? text : "";
  } catch {
    return "";
  }
}

function normalise(kind: VariableKind, value: TemplateValue | undefined): TemplateValue {
  switch (kind) {
    case "text":
      return asText(value);
    case "money": {
      const amount = asNumber(value);
      return amount !== undefined && amount > 0 ? currency.format(amount) : asText(value);
    }
    case "count": {
      const amount = asNumber(value);
      if (amount !== undefined) return amount > 0 ? count.format(amount) : "";
      return asText(value);
    }
    case "list": {
      const items = Array.isArray(value) ? value : typeof value === "string" ? [value] : [];
      return items.map(humanise).filter(Boolean);
    }
    case "url":
      return asUrl(value);
    case "property_type": {
      const text = asText(value);
      return propertyTypeLabels[text] ?? humanise(text).toLowerCase();
    }
    case "pricing_strategy": {
      const text = asText(value);
      return pricingStrategyPhrases[text] ?? (snakeToken.test(text) ? humanise(text).toLowerCase() : text);
    }
  }
}

function passThrough(value: TemplateValue): TemplateValue {
  if (typeof value === "string") return value.trim();
  if (Array.isArray(value)) return value.map((v) => v.trim()).filter(Boolean);
  return value;
}

/**
 * Turns a request's variables into the data a template sees: every known variable defined and
 * formatted for reading (money as "$1,250,000", tokens as words, unsafe links removed), and any
 * other variable passed through as sent.
 */
export function resolveTemplateVariables(variables: TemplateVariables): TemplateData {
  const data: TemplateData = {};
  for (const [name, kind] of knownVariables) data[name] = normalise(kind, variables[name]);
  for (const [name, value] of Object.entries(variables)) {
    if (!knownVariables.has(name)) data[name] = passThrough(value);
  }
  return data;
}
