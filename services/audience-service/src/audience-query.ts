import type { Kysely, QueryCreator } from "kysely";
import type { AudienceCriteria } from "@mcb/contracts";
import type { AudienceDatabase } from "./db";
import { buildCriteriaFilter, cityCentroidQuery, needsCityCentroid, type CityCentroidTable, type CriteriaDatabase } from "./criteria-filter";

/**
 * The contacts of one tenant matching the criteria, with each channel's suppression entry
 * left-joined for reachability (see channel-reach). The joins cover the suppression primary
 * key, so they never multiply rows, and Postgres drops whichever one a query does not read.
 * Estimate and resolve both start here, so they always agree on who matches.
 */
export function selectAudience(db: Kysely<AudienceDatabase>, tenantId: string, criteria: AudienceCriteria) {
  const geographic = criteria.geographic_filters;
  const source: QueryCreator<CriteriaDatabase> = needsCityCentroid(geographic)
    ? db.with((cte) => cte("city_centroid").materialized(), (creator) => cityCentroidQuery(creator, tenantId, geographic))
    : db.withTables<{ city_centroid: CityCentroidTable }>();
  return source
    .selectFrom("contacts")
    .leftJoin("suppressions as email_suppression", (join) =>
      join
        .onRef("email_suppression.tenant_id", "=", "contacts.tenant_id")
        .on("email_suppression.channel", "=", "EMAIL")
        .on((eb) => eb("email_suppression.address", "=", eb.fn<string>("lower", ["contacts.email"]))),
    )
    .leftJoin("suppressions as sms_suppression", (join) =>
      join
        .onRef("sms_suppression.tenant_id", "=", "contacts.tenant_id")
        .on("sms_suppression.channel", "=", "SMS")
        .onRef("sms_suppression.address", "=", "contacts.phone"),
    )
    .where(buildCriteriaFilter(tenantId, criteria));
}
