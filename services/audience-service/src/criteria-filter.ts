import { expressionBuilder, sql, type Expression, type ExpressionBuilder, type QueryCreator, type SqlBool } from "kysely";
import { ServiceError } from "@mcb/bus";
import type { AudienceCriteria, FieldIssue, GeographicFilters } from "@mcb/contracts";
import type { AudienceDatabase } from "./db";
import { parseAgeRange, parseIncomeRange, type NumericBounds, type RangeParseResult } from "./criteria-ranges";
import { coordinate, haversineMiles, latitudeDegreesFor, type GeoPointExpression } from "./geo-distance";

/** The one-row `city_centroid` CTE a radius around a city is measured from (see selectAudience). */
export interface CityCentroidTable {
  latitude: number | null;
  longitude: number | null;
}
export type CriteriaDatabase = AudienceDatabase & { city_centroid: CityCentroidTable };
type ContactsScope = ExpressionBuilder<CriteriaDatabase, "contacts">;

const contactPoint = (eb: ContactsScope): GeoPointExpression => ({
  latitude: eb.ref("contacts.latitude"),
  longitude: eb.ref("contacts.longitude"),
});

/**
 * Turns audience criteria into one where-condition on `contacts` for one tenant. Every column
 * is qualified, so the condition holds in queries that join other tables; a radius around a
 * city reads the `city_centroid` CTE that selectAudience() adds when needsCityCentroid().
 * Criteria that parse but cannot be used (an unreadable range, min above max) fail with
 * VALIDATION_FAILED naming the field, under `fieldPrefix`.
 *
 * Semantics worth knowing:
 * - `radius_miles` measures from `center` when given; `city` then still filters on its own.
 *   Without a center it measures from the centroid of the tenant's located contacts in that
 *   city (and state, when given), and also keeps the city's contacts that have no
 *   coordinates; when none there has coordinates it is a plain city match.
 * - `engagement_score_min` of 0 and `_max` of 1 filter nothing, so unscored contacts stay in
 *   (the estimate body defaults the minimum to 0).
 * - `tags` are matched case-insensitively and all must be present; `target_segments` need any
 *   one; `contact_ids`, when given, restricts to those ids (an empty list matches nobody).
 */
export function buildCriteriaFilter(tenantId: string, criteria: AudienceCriteria, fieldPrefix = "criteria"): Expression<SqlBool> {
  const eb = expressionBuilder<CriteriaDatabase, "contacts">();
  const issues: FieldIssue[] = [];
  const conditions: Expression<SqlBool>[] = [eb("contacts.tenant_id", "=", tenantId)];

  const readBounds = (text: string | undefined, parse: (text: string) => RangeParseResult, field: string): NumericBounds | undefined => {
    if (text === undefined) return undefined;
    const parsed = parse(text);
    if (parsed.ok) return parsed.bounds;
    issues.push({ field: `${fieldPrefix}.${field}`, message: parsed.reason });
    return undefined;
  };
  const { demographic_filters: demographic, geographic_filters: geographic, behavioral_filters: behavioral } = criteria;
  const income = readBounds(demographic.income_range, parseIncomeRange, "demographic_filters.income_range");
  if (income) conditions.push(...boundConditions(eb, "contacts.household_income", income));
  const age = readBounds(demographic.age_range, parseAgeRange, "demographic_filters.age_range");
  if (age) conditions.push(...boundConditions(eb, "contacts.age", age));

  conditions.push(...geographicConditions(eb, geographic));

  const { engagement_score_min: scoreMin, engagement_score_max: scoreMax } = behavioral;
  if (scoreMin !== undefined && scoreMax !== undefined && scoreMin > scoreMax) {
    issues.push({ field: `${fieldPrefix}.behavioral_filters.engagement_score_min`, message: "is above engagement_score_max" });
  }
  if (scoreMin !== undefined && scoreMin > 0) conditions.push(eb("contacts.engagement_score", ">=", scoreMin));
  if (scoreMax !== undefined && scoreMax < 1) conditions.push(eb("contacts.engagement_score", "<=", scoreMax));

  const tags = behavioral.tags ?? [];
  if (tags.length > 0) {
    // Both sides through lower_tags(), which the GIN index on contacts is built on.
    conditions.push(eb(eb.fn<string[]>("lower_tags", ["contacts.tags"]), "@>", eb.fn<string[]>("lower_tags", [textArray(tags)])));
  }
  const segments = criteria.target_segments ?? [];
  if (segments.length > 0) conditions.push(eb("contacts.segments", "&&", textArray(segments)));
  if (criteria.contact_ids !== undefined) conditions.push(eb("contacts.id", "=", eb.fn.any(textArray(criteria.contact_ids))));

  if (issues.length > 0) throw new ServiceError("VALIDATION_FAILED", "audience criteria cannot be applied", { fields: issues });
  return eb.and(conditions);
}

function textArray<T extends string>(values: readonly T[]) {
  return sql<T[]>`${values}::text[]`;
}

function boundConditions(eb: ContactsScope, column: "contacts.household_income" | "contacts.age", bounds: NumericBounds): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [];
  if (bounds.min !== undefined) conditions.push(eb(column, ">=", bounds.min));
  if (bounds.max !== undefined) conditions.push(eb(column, bounds.maxExclusive ? "<" : "<=", bounds.max));
  return conditions;
}

function lowerEquals(eb: ExpressionBuilder<AudienceDatabase, "contacts">, column: "contacts.city" | "contacts.state", value: string): Expression<SqlBool> {
  return eb(eb.fn("lower", [column]), "=", eb.fn("lower", [eb.val(value)]));
}

function geographicConditions(eb: ContactsScope, geographic: GeographicFilters): Expression<SqlBool>[] {
  const { city, state, postal_codes: postalCodes, radius_miles: radiusMiles, center } = geographic;
  const conditions: Expression<SqlBool>[] = [];
  if (state !== undefined) conditions.push(lowerEquals(eb, "contacts.state", state));
  if (postalCodes !== undefined && postalCodes.length > 0) conditions.push(eb("contacts.postal_code", "=", eb.fn.any(textArray(postalCodes))));

  if (radiusMiles !== undefined && center !== undefined) {
    conditions.push(withinRadius(eb, { latitude: coordinate(center.latitude), longitude: coordinate(center.longitude) }, radiusMiles));
    if (city !== undefined) conditions.push(lowerEquals(eb, "contacts.city", city));
  } else if (radiusMiles !== undefined && city !== undefined) {
    // The case needsCityCentroid() names: selectAudience() has added the CTE.
    const centroid = cityCentroid(eb);
    const located = eb.and([eb("contacts.latitude", "is not", null), eb("contacts.longitude", "is not", null)]);
    // A null centroid makes the radius test null (false), leaving the plain city match.
    conditions.push(eb.or([withinRadius(eb, centroid, radiusMiles), eb.and([lowerEquals(eb, "contacts.city", city), eb.not(located)])]));
  } else if (city !== undefined) {
    conditions.push(lowerEquals(eb, "contacts.city", city));
  }
  return conditions;
}

function withinRadius(eb: ContactsScope, origin: GeoPointExpression, radiusMiles: number): Expression<SqlBool> {
  const band = latitudeDegreesFor(radiusMiles);
  return eb.and([
    eb("contacts.latitude", ">=", eb(origin.latitude, "-", band)),
    eb("contacts.latitude", "<=", eb(origin.latitude, "+", band)),
    eb(haversineMiles(origin, contactPoint(eb)), "<=", radiusMiles),
  ]);
}

/** True when the radius is measured from a city's centroid, which the query then computes once. */
export function needsCityCentroid(geographic: GeographicFilters): boolean {
  return geographic.radius_miles !== undefined && geographic.center === undefined && geographic.city !== undefined;
}

/**
 * The body of the `city_centroid` CTE: the mean position of the tenant's located contacts in
 * the filtered city (and state, when given). Reads the (tenant_id, lower(city)) index.
 */
export function cityCentroidQuery(db: QueryCreator<AudienceDatabase>, tenantId: string, geographic: GeographicFilters) {
  const { city = "", state } = geographic;
  return db
    .selectFrom("contacts")
    .select((eb) => [eb.fn.avg<number | null>("contacts.latitude").as("latitude"), eb.fn.avg<number | null>("contacts.longitude").as("longitude")])
    .where("contacts.tenant_id", "=", tenantId)
    .where((eb) => lowerEquals(eb, "contacts.city", city))
    .$if(state !== undefined, (query) => query.where((eb) => lowerEquals(eb, "contacts.state", state ?? "")))
    .where("contacts.latitude", "is not", null)
    .where("contacts.longitude", "is not", null);
}

/** Reads the CTE through scalar subqueries: Postgres runs each once, and the values stay usable by index scans. */
function cityCentroid(eb: ContactsScope): GeoPointExpression {
  return {
    latitude: eb.selectFrom("city_centroid").select("city_centroid.latitude").$asScalar(),
    longitude: eb.selectFrom("city_centroid").select("city_centroid.longitude").$asScalar(),
  };
}
