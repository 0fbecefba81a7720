import { AudienceCriteria, AudienceEstimate, type Channel, type ContactInput } from "@mcb/contracts";
import { connectDb, migrateSchema, type DbHandle } from "@mcb/db";
import { createTestEnv, type TestEnv } from "@mcb/testkit";
import type { AudienceDatabase } from "./db";
import { migrations, schema } from "./migrations";
import { upsertContacts } from "./contact-upsert";
import { estimateAudience } from "./audience-estimate";
import { resolveRecipients } from "./recipient-resolver";

let env: TestEnv;
let handle: DbHandle<AudienceDatabase>;
const TENANT = "agency-1";
const OTHER_TENANT = "agency-2";

/**
 * The seed, with distances from downtown Austin (30.2672, -97.7431). Reach on EMAIL needs an
 * email, email_opt_in and no suppression; on SMS a phone, sms_opt_in and no suppression.
 *
 * key  city         miles  income     age  score  tags                  segments                  EMAIL  SMS  zone
 * ava  Austin       0      300k       45   0.9    VIP, waterfront       LUXURY_BUYERS             yes    yes  Chicago
 * ben  austin       2.3    150k       35   0.6    vip                   MOVE_UP_BUYERS            yes    -    Chicago
 * cam  Austin       (none) 250k       55   0.4    Waterfront            LUXURY_BUYERS, INVESTORS  opt-out yes  Chicago
 * dee  Round Rock   17.1   100k       30   0.8    -                     FIRST_TIME_BUYERS         supp.  opt-out Chicago
 * eli  San Antonio  73.6   74,999     65   0.2    VIP                   DOWNSIZERS                -      supp. Chicago
 * fay  Dallas       182    1.2m       70   -      vip, waterfront       LUXURY_BUYERS             yes    yes  -
 * gus  Portland OR  -      80k        28   0.5    -                     -                         yes    -    Los_Angeles
 * hal  Portland OR  -      -          -    0.95   VIP                   SELLERS                   yes    yes  Los_Angeles
 * ivy  Georgetown   (none) -          -    -      -                     -                         yes    -    Chicago
 */
const seed: Record<string, ContactInput> = {
  ava: { first_name: "Ava", email: "Ava@Example.com", email_opt_in: true, phone: "+15125550001", sms_opt_in: true, city: "Austin", state: "TX", postal_code: "78701", latitude: 30.2672, longitude: -97.7431, household_income: 300_000, age: 45, engagement_score: 0.9, tags: ["VIP", "waterfront"], segments: ["LUXURY_BUYERS"], timezone: "America/Chicago" },
  ben: { first_name: "Ben", email: "ben@example.com", email_opt_in: true, city: "austin", state: "TX", postal_code: "78705", latitude: 30.3, longitude: -97.75, household_income: 150_000, age: 35, engagement_score: 0.6, tags: ["vip"], segments: ["MOVE_UP_BUYERS"], timezone: "America/Chicago" },
  cam: { first_name: "Cam", email: "cam@example.com", email_opt_in: false, phone: "+15125550003", sms_opt_in: true, city: "Austin", state: "TX", postal_code: "78701", household_income: 250_000, age: 55, engagement_score: 0.4, tags: ["Waterfront"], segments: ["LUXURY_BUYERS", "INVESTORS"], timezone: "America/Chicago" },
  dee: { first_name: "Dee", email: "dee@example.com", email_opt_in: true, phone: "+15125550004", sms_opt_in: false, city: "Round Rock", state: "TX", postal_code: "78664", latitude: 30.5083, longitude: -97.6789, household_income: 100_000, age: 30, engagement_score: 0.8, segments: ["FIRST_TIME_BUYERS"], timezone: "America/Chicago" },
  eli: { first_name: "Eli", phone: "+12105550005", sms_opt_in: true, city: "San Antonio", state: "TX", postal_code: "78205", latitude: 29.4241, longitude: -98.4936, household_income: 74_999, age: 65, engagement_score: 0.2, tags: ["VIP"], segments: ["DOWNSIZERS"], timezone: "America/Chicago" },
  fay: { first_name: "Fay", email: "fay@example.com", email_opt_in: true, phone: "+12145550006", sms_opt_in: true, city: "Dallas", state: "TX", postal_code: "75201", latitude: 32.7767, longitude: -96.797, household_income: 1_200_000, age: 70, tags: ["vip", "waterfront"], segments: ["LUXURY_BUYERS"] },
  gus: { first_name: "Gus", email: "gus@example.com", email_opt_in: true, city: "Portland", state: "OR", postal_code: "97201", latitude: 45.5152, longitude: -122.6784, household_income: 80_000, age: 28, engagement_score: 0.5, timezone: "America/Los_Angeles" },
  hal: { first_name: "Hal", email: "hal@example.com", email_opt_in: true, phone: "+15035550008", sms_opt_in: true, city: "Portland", state: "OR", postal_code: "97209", latitude: 45.53, longitude: -122.66, engagement_score: 0.95, tags: ["VIP"], segments: ["SELLERS"], timezone: "America/Los_Angeles" },
  ivy: { first_name: "Ivy", email: "ivy@example.com", email_opt_in: true, city: "Georgetown", state: "TX", timezone: "America/Chicago" },
};
/** Another agency's contact, a copy of Ava: it must never be counted or returned for TENANT. */
const otherTenantContact: ContactInput = { ...seed.ava!, first_name: "Zed" };
const ids: Record<string, string> = {};
let otherTenantContactId = "";

beforeAll(async () => {
  env = await createTestEnv("aud");
  const migrator = connectDb<unknown>(env.databaseUrl, schema, { max: 1 });
  await migrateSchema(migrator.db, schema, migrations).finally(() => migrator.close());
  handle = connectDb<AudienceDatabase>(env.databaseUrl, schema, { max: 4 });

  const keys = Object.keys(seed);
  const stored = await upsertContacts(handle.db, TENANT, Object.values(seed));
  stored.contacts.forEach((contact, index) => (ids[keys[index]!] = contact.id));
  otherTenantContactId = (await upsertContacts(handle.db, OTHER_TENANT, [otherTenantContact])).contacts[0]!.id;
  await handle.db
    .insertInto("suppressions")
    .values([
      { tenant_id: TENANT, channel: "EMAIL", address: "dee@example.com", reason: "bounced" },
      { tenant_id: TENANT, channel: "SMS", address: "+12105550005", reason: "STOP" },
      // Suppressed for the other agency only: Ava stays reachable here.
      { tenant_id: OTHER_TENANT, channel: "EMAIL", address: "ava@example.com", reason: "unsubscribed" },
    ])
    .execute();
});
afterAll(async () => {
  await handle.close();
  await env.cleanup();
});

async function estimate(criteria: unknown, channels: Channel[] = ["EMAIL", "SMS"], tenantId = TENANT) {
  const result = await estimateAudience(handle.db, { tenantId, criteria: AudienceCriteria.parse(criteria), channels });
  return AudienceEstimate.parse(result);
}

async function matching(criteria: unknown): Promise<number> {
  return (await estimate(criteria)).audience_size;
}

describe("estimate", () => {
  test("counts the tenant's audience, its reach per channel and its dominant time zone", async () => {
    const all = await estimate({});
    expect(all).toMatchObject({
      audience_size: 9,
      estimated_reach: 7, // all but dee (suppressed email, no SMS consent) and eli (no email, suppressed phone)
      reachable_by_channel: { EMAIL: 6, SMS: 4 },
      dominant_timezone: "America/Chicago",
    });
    expect(all.calculation_time_ms).toBeGreaterThan(0);
  });

  test("channels nobody is sent on individually reach nobody", async () => {
    expect(await estimate({}, ["SMS"])).toMatchObject({ estimated_reach: 4, reachable_by_channel: { SMS: 4 } });
    expect(await estimate({}, ["EMAIL", "SOCIAL_MEDIA"])).toMatchObject({ estimated_reach: 6, reachable_by_channel: { EMAIL: 6, SOCIAL_MEDIA: 0 } });
    expect(await estimate({}, ["SOCIAL_MEDIA", "DIRECT_MAIL"])).toMatchObject({ audience_size: 9, estimated_reach: 0, reachable_by_channel: { SOCIAL_MEDIA: 0, DIRECT_MAIL: 0 } });
  });

  test.each([
    ["250k+", 3], // ava, cam (exactly 250k), fay
    ["100k-250k", 2], // ben, dee; cam's 250k belongs to the next bracket
    ["<75k", 1], // eli
    ["1.2m+", 1], // fay
  ])("income %s", async (incomeRange, expected) => {
    expect(await matching({ demographic_filters: { income_range: incomeRange } })).toBe(expected);
  });

  test.each([
    ["35-55", 3], // ava, ben, cam: both ends included
    ["65+", 2], // eli, fay
  ])("age %s", async (ageRange, expected) => {
    expect(await matching({ demographic_filters: { age_range: ageRange } })).toBe(expected);
  });

  test("city (any case), state and postal codes", async () => {
    expect(await matching({ geographic_filters: { city: "AUSTIN" } })).toBe(3);
    expect(await matching({ geographic_filters: { state: "tx" } })).toBe(7);
    expect(await matching({ geographic_filters: { postal_codes: ["78701", "97209"] } })).toBe(3);
  });

  test("radius from a center leaves out contacts without coordinates", async () => {
    const center = { latitude: 30.2672, longitude: -97.7431 };
    expect(await matching({ geographic_filters: { center, radius_miles: 10 } })).toBe(2); // ava, ben
    expect(await matching({ geographic_filters: { center, radius_miles: 20 } })).toBe(3); // + dee
    expect(await matching({ geographic_filters: { center, radius_miles: 100 } })).toBe(4); // + eli
    expect(await matching({ geographic_filters: { center, radius_miles: 100, city: "Austin" } })).toBe(2); // city still applies
  });

  test("radius around a city measures from its contacts' centroid and keeps its unlocated contacts", async () => {
    // Centroid of ava and ben: (30.2836, -97.74655); dee is 16 miles from it.
    expect(await matching({ geographic_filters: { city: "Austin", radius_miles: 5 } })).toBe(3); // ava, ben, cam
    expect(await matching({ geographic_filters: { city: "Austin", radius_miles: 25 } })).toBe(4); // + dee
    expect(await matching({ geographic_filters: { city: "Austin", state: "OR", radius_miles: 25 } })).toBe(0);
    // Nobody in Georgetown has coordinates: a plain city match, not a radius around nothing.
    expect(await matching({ geographic_filters: { city: "Georgetown", radius_miles: 10 } })).toBe(1);
  });

  test("engagement score bounds; 0 to 1 keeps unscored contacts", async () => {
    expect(await matching({ behavioral_filters: { engagement_score_min: 0.6 } })).toBe(4); // ava, ben, dee, hal
    expect(await matching({ behavioral_filters: { engagement_score_max: 0.5 } })).toBe(3); // cam, eli, gus
    expect(await matching({ behavioral_filters: { engagement_score_min: 0.5, engagement_score_max: 0.85 } })).toBe(3); // ben, dee, gus
    expect(await matching({ behavioral_filters: { engagement_score_min: 0, engagement_score_max: 1 } })).toBe(9);
  });

  test("tags must all be present, in any case", async () => {
    expect(await matching({ behavioral_filters: { tags: ["vip"] } })).toBe(5); // ava, ben, eli, fay, hal
    expect(await matching({ behavioral_filters: { tags: ["VIP", "Waterfront"] } })).toBe(2); // ava, fay
  });

  test("any one of the target segments", async () => {
    expect(await matching({ target_segments: ["LUXURY_BUYERS"] })).toBe(3); // ava, cam, fay
    expect(await matching({ target_segments: ["INVESTORS", "SELLERS"] })).toBe(2); // cam, hal
  });

  test("contact ids restrict, and another tenant's id counts for nothing", async () => {
    expect(await matching({ contact_ids: [ids.ava, ids.gus, otherTenantContactId] })).toBe(2);
    expect(await matching({ contact_ids: [] })).toBe(0);
  });

  test("filters combine", async () => {
    const criteria = { geographic_filters: { city: "Austin" }, demographic_filters: { income_range: "250k+" }, behavioral_filters: { tags: ["vip"] } };
    expect(await estimate(criteria)).toMatchObject({ audience_size: 1, estimated_reach: 1, reachable_by_channel: { EMAIL: 1, SMS: 1 } }); // ava
  });

  test("the other tenant sees only its own contact, with its own suppression", async () => {
    expect(await estimate({}, ["EMAIL", "SMS"], OTHER_TENANT)).toMatchObject({ audience_size: 1, estimated_reach: 1, reachable_by_channel: { EMAIL: 0, SMS: 1 } });
  });

  test("an audience with no time zones has no dominant one", async () => {
    expect((await estimate({ contact_ids: [ids.fay] })).dominant_timezone).toBeNull();
    expect((await estimate({ geographic_filters: { state: "OR" } })).dominant_timezone).toBe("America/Los_Angeles");
  });
});

describe("resolve", () => {
  async function resolveAll(criteria: unknown, channels: Channel[], limit: number) {
    const pages: string[][] = [];
    let after: string | undefined;
    for (;;) {
      const page = await resolveRecipients(handle.db, { tenantId: TENANT, criteria: AudienceCriteria.parse(criteria), channels, after, limit });
      expect(page.recipients.length).toBeLessThanOrEqual(limit);
      pages.push(page.recipients.map((recipient) => recipient.contact_id));
      if (page.next_after === null) return { pages, ids: pages.flat() };
      expect(page.next_after).toBe(page.recipients.at(-1)?.contact_id);
      after = page.next_after;
    }
  }

  const reachable = ["ava", "ben", "cam", "fay", "gus", "hal", "ivy"];

  test.each([1, 2, 3, 7, 100])("pages of %i cover every reachable contact once, in id order", async (limit) => {
    const { pages, ids: resolved } = await resolveAll({}, ["EMAIL", "SMS"], limit);
    const expected = reachable.map((key) => ids[key]!).sort();
    expect(resolved).toEqual(expected);
    expect(pages).toHaveLength(Math.ceil(expected.length / limit));
  });

  test("each recipient carries the requested channels it can be sent on", async () => {
    const page = await resolveRecipients(handle.db, { tenantId: TENANT, criteria: AudienceCriteria.parse({}), channels: ["SMS", "EMAIL", "SOCIAL_MEDIA"], limit: 100 });
    const channelsByKey = Object.fromEntries(Object.entries(ids).map(([key, id]) => [key, page.recipients.find((recipient) => recipient.contact_id === id)?.channels]));
    expect(channelsByKey).toEqual({
      ava: ["EMAIL", "SMS"],
      ben: ["EMAIL"],
      cam: ["SMS"],
      dee: undefined,
      eli: undefined,
      fay: ["EMAIL", "SMS"],
      gus: ["EMAIL"],
      hal: ["EMAIL", "SMS"],
      ivy: ["EMAIL"],
    });
    expect(page.recipients.find((recipient) => recipient.contact_id === ids.ava)).toEqual({
      contact_id: ids.ava,
      first_name: "Ava",
      email: "Ava@Example.com",
      phone: "+15125550001",
      city: "Austin",
      timezone: "America/Chicago",
      channels: ["EMAIL", "SMS"],
    });
  });

  test("only the requested channels count, with the criteria applied", async () => {
    const sms = await resolveAll({}, ["SMS"], 10);
    expect(sms.ids).toEqual(["ava", "cam", "fay", "hal"].map((key) => ids[key]!).sort());
    const vipByEmail = await resolveAll({ behavioral_filters: { tags: ["VIP"] } }, ["EMAIL"], 10);
    expect(vipByEmail.ids).toEqual(["ava", "ben", "fay", "hal"].map((key) => ids[key]!).sort());
    expect(await resolveAll({}, ["SOCIAL_MEDIA"], 10)).toEqual({ pages: [[]], ids: [] });
  });

  test("another tenant's contacts are never returned", async () => {
    const { ids: resolved } = await resolveAll({ contact_ids: [ids.ava, otherTenantContactId] }, ["EMAIL", "SMS"], 10);
    expect(resolved).toEqual([ids.ava]);
    const theirs = await resolveRecipients(handle.db, { tenantId: OTHER_TENANT, criteria: AudienceCriteria.parse({}), channels: ["EMAIL", "SMS"], limit: 10 });
    expect(theirs).toEqual({ recipients: [expect.objectContaining({ contact_id: otherTenantContactId, first_name: "Zed", channels: ["SMS"] })], next_after: null });
  });
});
