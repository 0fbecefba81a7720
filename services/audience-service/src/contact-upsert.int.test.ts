import { connectDb, migrateSchema, type DbHandle } from "@mcb/db";
import { createTestEnv, type TestEnv } from "@mcb/testkit";
import { ContactsUpsertResponse } from "@mcb/contracts";
import type { AudienceDatabase } from "./db";
import { migrations, schema } from "./migrations";
import { upsertContacts } from "./contact-upsert";

let env: TestEnv;
let handle: DbHandle<AudienceDatabase>;

beforeAll(async () => {
  env = await createTestEnv("aud");
  // Migrated through an untyped pool, as the runtime does: migrations know no app types.
  const migrator = connectDb<unknown>(env.databaseUrl, schema, { max: 1 });
  await migrateSchema(migrator.db, schema, migrations).finally(() => migrator.close());
  handle = connectDb<AudienceDatabase>(env.databaseUrl, schema, { max: 4 });
});
afterAll(async () => {
  await handle.close();
  await env.cleanup();
});

const countContacts = async (tenantId: string) =>
  Number((await handle.db.selectFrom("contacts").select((eb) => eb.fn.countAll().as("n")).where("tenant_id", "=", tenantId).executeTakeFirstOrThrow()).n);

test("creates contacts in the order sent, in the contract's shape, and a replay changes nothing", async () => {
  const contacts = [
    { first_name: "Ava", email: "ava@example.com", city: "Austin", tags: ["VIP"], segments: ["LUXURY_BUYERS" as const], household_income: 300_000, engagement_score: 0.9, email_opt_in: true },
    { phone: "+15125550001", latitude: 30.2672, longitude: -97.7431, timezone: "America/Chicago" },
    { ghl_contact_id: "ghl-1", age: 40 },
  ];
  const first = await upsertContacts(handle.db, "upsert-a", contacts);
  expect(ContactsUpsertResponse.parse(first)).toEqual(first);
  expect(first).toMatchObject({ created: 3, updated: 0 });
  expect(first.contacts.map((contact) => contact.id)).toEqual([expect.stringMatching(/^ct_[0-9a-f]{20}$/), expect.any(String), expect.any(String)]);
  expect(new Set(first.contacts.map((contact) => contact.id)).size).toBe(3);
  expect(first.contacts[0]).toMatchObject({ first_name: "Ava", email: "ava@example.com", tags: ["VIP"], segments: ["LUXURY_BUYERS"], household_income: 300_000, engagement_score: 0.9, email_opt_in: true, sms_opt_in: false });
  expect(first.contacts[0]).not.toHaveProperty("phone", expect.anything());
  expect(first.contacts[1]).toMatchObject({ phone: "+15125550001", latitude: 30.2672, longitude: -97.7431, tags: [], segments: [], email_opt_in: false });
  expect(first.contacts[2]).toMatchObject({ ghl_contact_id: "ghl-1", age: 40 });

  const replay = await upsertContacts(handle.db, "upsert-a", contacts);
  expect(replay).toMatchObject({ created: 0, updated: 3 });
  // Same contacts, untouched: not even updated_at moves.
  expect(replay.contacts).toEqual(first.contacts);
  expect(await countContacts("upsert-a")).toBe(3);
});

test("matches by id, ghl_contact_id, email (any case) and phone, and changes only the fields sent", async () => {
  const [ava, bo, cy, dee] = (
    await upsertContacts(handle.db, "upsert-b", [
      { email: "ava@example.com", first_name: "Ava", city: "Austin" },
      { ghl_contact_id: "ghl-bo", first_name: "Bo" },
      { email: "cy@example.com", first_name: "Cy", last_name: "Young" },
      { phone: "+15125550004", first_name: "Dee", sms_opt_in: true },
    ])
  ).contacts;
  const result = await upsertContacts(handle.db, "upsert-b", [
    { email: "new@example.com", first_name: "New" },
    { id: ava!.id, last_name: "Adams" },
    { ghl_contact_id: "ghl-bo", email: "bo@example.com" },
    { email: "CY@EXAMPLE.COM", age: 50 },
    { phone: "+15125550004", sms_opt_in: false },
  ]);
  expect(result).toMatchObject({ created: 1, updated: 4 });
  expect(result.contacts.map((contact) => contact.id)).toEqual([expect.any(String), ava!.id, bo!.id, cy!.id, dee!.id]);
  expect(result.contacts[1]).toMatchObject({ first_name: "Ava", last_name: "Adams", city: "Austin", email: "ava@example.com" });
  expect(result.contacts[2]).toMatchObject({ first_name: "Bo", email: "bo@example.com" });
  expect(result.contacts[3]).toMatchObject({ first_name: "Cy", last_name: "Young", age: 50, email: "CY@EXAMPLE.COM" });
  expect(result.contacts[4]).toMatchObject({ first_name: "Dee", sms_opt_in: false });
  expect(Date.parse(result.contacts[1]!.updated_at)).toBeGreaterThan(Date.parse(ava!.updated_at));
  expect(result.contacts[1]!.created_at).toBe(ava!.created_at);
});

test("the same person twice in one request is one contact, the later input winning", async () => {
  const result = await upsertContacts(handle.db, "upsert-c", [
    { email: "eve@example.com", first_name: "Eve", city: "Austin" },
    { email: "EVE@example.com", first_name: "Evelyn", phone: "+15125550005" },
  ]);
  expect(result).toMatchObject({ created: 1, updated: 0 });
  expect(result.contacts[0]!.id).toBe(result.contacts[1]!.id);
  expect(result.contacts[1]).toMatchObject({ first_name: "Evelyn", city: "Austin", phone: "+15125550005", email: "EVE@example.com" });
  expect(await countContacts("upsert-c")).toBe(1);
});

test("a request with an unknown id or a taken email is refused whole, naming the input", async () => {
  const { contacts } = await upsertContacts(handle.db, "upsert-d", [{ email: "fay@example.com" }, { email: "gus@example.com" }]);
  await expect(upsertContacts(handle.db, "upsert-d", [{ email: "hal@example.com" }, { id: "ct_00000000000000000000" }])).rejects.toMatchObject({
    code: "NOT_FOUND",
    fields: [{ field: "contacts.1.id", message: "no contact with this id" }],
  });
  await expect(upsertContacts(handle.db, "upsert-d", [{ email: "ivy@example.com" }, { id: contacts[0]!.id, email: "GUS@example.com" }])).rejects.toMatchObject({
    code: "CONFLICT",
    fields: [{ field: "contacts.1.email", message: `already belongs to contact ${contacts[1]!.id}` }],
  });
  const emails = await handle.db.selectFrom("contacts").select("email").where("tenant_id", "=", "upsert-d").orderBy("email").execute();
  expect(emails.map((row) => row.email)).toEqual(["fay@example.com", "gus@example.com"]);
});

test("tenants never see each other's contacts, even with the same email or a known id", async () => {
  const mine = await upsertContacts(handle.db, "upsert-e1", [{ email: "jo@example.com", first_name: "Mine" }]);
  const theirs = await upsertContacts(handle.db, "upsert-e2", [{ email: "jo@example.com", first_name: "Theirs" }]);
  expect(theirs).toMatchObject({ created: 1, updated: 0 });
  expect(theirs.contacts[0]!.id).not.toBe(mine.contacts[0]!.id);
  await expect(upsertContacts(handle.db, "upsert-e2", [{ id: mine.contacts[0]!.id, first_name: "Stolen" }])).rejects.toMatchObject({ code: "NOT_FOUND" });
  const stored = await handle.db.selectFrom("contacts").select("first_name").where("id", "=", mine.contacts[0]!.id).executeTakeFirstOrThrow();
  expect(stored.first_name).toBe("Mine");
});

test("two concurrent requests creating the same contact end with one contact", async () => {
  const [left, right] = await Promise.all([
    upsertContacts(handle.db, "upsert-f", [{ email: "kai@example.com", first_name: "Kai" }]),
    upsertContacts(handle.db, "upsert-f", [{ email: "KAI@example.com", last_name: "Lane" }]),
  ]);
  expect(left.created + right.created).toBe(1);
  expect(left.updated + right.updated).toBe(1);
  expect(left.contacts[0]!.id).toBe(right.contacts[0]!.id);
  expect(await countContacts("upsert-f")).toBe(1);
});

test("a batch larger than one statement's worth is stored whole", async () => {
  const batch = Array.from({ length: 2_500 }, (_, index) => ({ email: `bulk${index}@example.com`, age: index % 100 }));
  const created = await upsertContacts(handle.db, "upsert-g", batch);
  expect(created).toMatchObject({ created: 2_500, updated: 0 });
  expect(created.contacts.map((contact) => contact.email)).toEqual(batch.map((input) => input.email));
  const updated = await upsertContacts(handle.db, "upsert-g", batch.map((input) => ({ ...input, age: 7 })));
  expect(updated).toMatchObject({ created: 0, updated: 2_500 });
  expect(updated.contacts.every((contact) => contact.age === 7)).toBe(true);
  expect(await countContacts("upsert-g")).toBe(2_500);
});

test("an email moving from one contact to another in the same request is stored, whatever the input order", async () => {
  const first = await upsertContacts(handle.db, "t-move", [{ email: "a@move.example", first_name: "A" }, { email: "b@move.example", first_name: "B" }]);
  const [a, b] = first.contacts;
  // B is written before A (B is mentioned first), yet B takes the address A gives up.
  const moved = await upsertContacts(handle.db, "t-move", [{ id: b!.id, city: "Austin" }, { id: a!.id, email: "a2@move.example" }, { id: b!.id, email: "a@move.example" }]);
  expect(moved.contacts.map((c) => c.email)).toEqual(["a@move.example", "a2@move.example", "a@move.example"]);
  expect(moved).toMatchObject({ created: 0, updated: 2 });
});
