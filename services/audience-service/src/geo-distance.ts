import { sql, type Expression, type RawBuilder } from "kysely";

/** Mean Earth radius, the figure the haversine formula is usually given with. */
export const EARTH_RADIUS_MILES = 3958.8;

/**
 * Miles per degree of latitude. The true figure is about 69.05; the smaller one makes the
 * latitude band slightly wider than the circle, so the band never drops a contact in range.
 */
const MILES_PER_DEGREE_LATITUDE = 69;

export interface GeoPointExpression {
  latitude: Expression<number | null>;
  longitude: Expression<number | null>;
}

/** A coordinate sent as a parameter, typed so Postgres never guesses integer arithmetic. */
export function coordinate(value: number): RawBuilder<number> {
  return sql<number>`${value}::double precision`;
}

/** Great-circle distance in miles; null when either point is unknown. */
export function haversineMiles(from: GeoPointExpression, to: GeoPointExpression): RawBuilder<number | null> {
  const halfChordSquared = sql`
    power(sin(radians(${to.latitude} - ${from.latitude}) / 2), 2)
    + cos(radians(${from.latitude})) * cos(radians(${to.latitude})) * power(sin(radians(${to.longitude} - ${from.longitude}) / 2), 2)`;
  // least(1, ...) keeps asin in its domain when rounding pushes antipodal points past 1.
  return sql<number | null>`(2 * ${sql.lit(EARTH_RADIUS_MILES)} * asin(least(1, sqrt(${halfChordSquared}))))`;
}

/**
 * How far, in degrees, a radius reaches north or south: a band on latitude that an index can
 * scan before the haversine (which no index can) is computed for what remains.
 */
export function latitudeDegreesFor(radiusMiles: number): number {
  return radiusMiles / MILES_PER_DEGREE_LATITUDE;
}
