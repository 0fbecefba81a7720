import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from "kysely";
import { AudienceCriteria } from "@mcb/contracts";
import { ServiceError } from "@mcb/bus";
import type { AudienceDatabase } from "./db";
import { selectAudience } from "./audience-query";
import { deliverableChannelsOf, reachableOnAny } from "./channel-reach";

// Compiles queries without a connection, to check the SQL the criteria turn into.
const db = new Kysely<AudienceDatabase>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (kysely) => new PostgresIntrospector(kysely),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

function compile(criteria: unknown) {
  return selectAudience(db, "tenant-1", AudienceCriteria.parse(criteria)).select("contacts.id").compile();
}

test("every query is scoped to the tenant, with nothing else for empty criteria", () => {
  const query = compile({});
  expect(query.sql).toMatch(/where "contacts"\."tenant_id" = \$\d+$/);
  expect(query.parameters).toContain("tenant-1");
  expect(query.sql).not.toContain("city_centroid");
});

test("income and age ranges become bounds with the documented ends", () => {
  const query = compile({ demographic_filters: { income_range: "100k-250k", age_range: "35-55" } });
  expect(query.sql).toContain('"contacts"."household_income" >= $');
  expect(query.sql).toContain('"contacts"."household_income" < $');
  expect(query.sql).toContain('"contacts"."age" >= $');
  expect(query.sql).toContain('"contacts"."age" <= $');
  expect(query.parameters).toEqual(expect.arrayContaining([100_000, 250_000, 35, 55]));
});

test("an engagement minimum of 0 and maximum of 1 filter nothing, so unscored contacts stay", () => {
  expect(compile({ behavioral_filters: { engagement_score_min: 0, engagement_score_max: 1 } }).sql).not.toContain("engagement_score");
  expect(compile({ behavioral_filters: { engagement_score_min: 0.4 } }).sql).toContain('"contacts"."engagement_score" >= $');
});

test("tags go through lower_tags on both sides, segments overlap, ids restrict", () => {
  const query = compile({ behavioral_filters: { tags: ["VIP"] }, target_segments: ["LUXURY_BUYERS"], contact_ids: ["ct_1"] });
  expect(query.sql).toContain('lower_tags("contacts"."tags") @> lower_tags($');
  expect(query.sql).toContain('"contacts"."segments" && $');
  expect(query.sql).toContain('"contacts"."id" = any($');
  expect(query.parameters).toEqual(expect.arrayContaining([["VIP"], ["LUXURY_BUYERS"], ["ct_1"]]));
});

test("a radius from a center needs no centroid; a radius around a city reads a materialized one", () => {
  const fromCenter = compile({ geographic_filters: { radius_miles: 10, center: { latitude: 30.27, longitude: -97.74 } } });
  expect(fromCenter.sql).not.toContain("city_centroid");
  expect(fromCenter.sql).toContain("asin(");
  const aroundCity = compile({ geographic_filters: { city: "Austin", radius_miles: 10 } });
  expect(aroundCity.sql).toMatch(/^with "city_centroid" as materialized \(select avg\("contacts"\."latitude"\)/);
  expect(aroundCity.sql).toContain('(select "city_centroid"."latitude" from "city_centroid")');
});

test("unusable criteria fail with VALIDATION_FAILED naming each field", () => {
  expect.assertions(3);
  try {
    compile({ demographic_filters: { income_range: "250k-100k", age_range: "55-35" }, behavioral_filters: { engagement_score_min: 0.9, engagement_score_max: 0.1 } });
  } catch (error) {
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).code).toBe("VALIDATION_FAILED");
    expect((error as ServiceError).fields?.map((issue) => issue.field)).toEqual([
      "criteria.demographic_filters.income_range",
      "criteria.demographic_filters.age_range",
      "criteria.behavioral_filters.engagement_score_min",
    ]);
  }
});

test("only EMAIL and SMS are deliverable; reaching on none is false", () => {
  expect(deliverableChannelsOf(["SOCIAL_MEDIA", "SMS", "EMAIL", "SMS"])).toEqual(["EMAIL", "SMS"]);
  expect(deliverableChannelsOf(["DIRECT_MAIL", "GHL_WORKFLOW"])).toEqual([]);
  const nobody = selectAudience(db, "tenant-1", AudienceCriteria.parse({})).where(reachableOnAny([])).select("contacts.id").compile();
  expect(nobody.sql).toMatch(/and false$/);
});
