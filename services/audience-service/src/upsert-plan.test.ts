import type { ContactInput } from "@mcb/contracts";
import { ServiceError } from "@mcb/bus";
import type { ContactRow } from "./db";
import { emptyState, needsWrite, planUpsert } from "./upsert-plan";

function storedContact(overrides: Partial<ContactRow>): ContactRow {
  const at = new Date("2026-01-01T00:00:00Z");
  return { ...emptyState("ct_stored", "t1"), created_at: at, updated_at: at, ...overrides };
}

function sequentialIds() {
  let next = 0;
  return () => `ct_new${++next}`;
}

function failure(run: () => unknown): ServiceError {
  try {
    run();
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error("expected a ServiceError");
}

const ann = storedContact({ id: "ct_ann", email: "Ann@Example.com", phone: "+15125550100", ghl_contact_id: "ghl-ann", first_name: "Ann", tags: ["vip"] });
const bob = storedContact({ id: "ct_bob", email: "bob@example.com", phone: "+15125550101" });

test("matches by id, then ghl_contact_id, then email (any case), then phone, else creates", () => {
  const inputs: ContactInput[] = [
    { id: "ct_bob", city: "Austin" },
    { ghl_contact_id: "ghl-ann", last_name: "Lee" },
    { email: "BOB@EXAMPLE.COM", age: 40 },
    { phone: "+15125550100", age: 41 },
    { email: "new@example.com" },
  ];
  const plan = planUpsert("t1", inputs, [ann, bob], sequentialIds());
  expect(plan.entryContactIds).toEqual(["ct_bob", "ct_ann", "ct_bob", "ct_ann", "ct_new1"]);
  expect(plan.contacts.map((contact) => contact.state.id)).toEqual(["ct_bob", "ct_ann", "ct_new1"]);
  const annAfter = plan.contacts.find((contact) => contact.state.id === "ct_ann")?.state;
  // Only the fields sent change.
  expect(annAfter).toMatchObject({ first_name: "Ann", last_name: "Lee", age: 41, email: "Ann@Example.com", tags: ["vip"] });
});

test("a ghl_contact_id that matches nobody falls through to the email, and links a contact not yet linked", () => {
  const plan = planUpsert("t1", [{ ghl_contact_id: "ghl-new", email: "bob@example.com" }], [bob], sequentialIds());
  expect(plan.entryContactIds).toEqual(["ct_bob"]);
  expect(plan.contacts[0]?.state.ghl_contact_id).toBe("ghl-new");
});

test("an email match already linked to another GHL contact is a conflict, not a silent relink", () => {
  expect(() => planUpsert("t1", [{ ghl_contact_id: "ghl-new", email: "ann@example.com" }], [ann], sequentialIds())).toThrow(
    expect.objectContaining({ code: "CONFLICT", fields: [expect.objectContaining({ field: "contacts.0.ghl_contact_id" })] }),
  );
});

test("inputs for the same new person merge, the later one winning on shared fields", () => {
  const plan = planUpsert(
    "t1",
    [
      { email: "cy@example.com", first_name: "Cy", tags: ["a", "a", "b"] },
      { email: "CY@example.com", first_name: "Cyrus", phone: "+15125550102" },
      { phone: "+15125550102", age: 30 },
    ],
    [],
    sequentialIds(),
  );
  expect(plan.entryContactIds).toEqual(["ct_new1", "ct_new1", "ct_new1"]);
  expect(plan.contacts).toHaveLength(1);
  expect(plan.contacts[0]?.existing).toBeUndefined();
  expect(plan.contacts[0]?.state).toMatchObject({ tenant_id: "t1", email: "CY@example.com", first_name: "Cyrus", phone: "+15125550102", age: 30, tags: ["a", "b"] });
});

test("an unknown id is NOT_FOUND, naming every such input", () => {
  const error = failure(() => planUpsert("t1", [{ email: "x@example.com" }, { id: "ct_nope" }, { id: "ct_gone", city: "Austin" }], [ann], sequentialIds()));
  expect(error.code).toBe("NOT_FOUND");
  expect(error.fields?.map((issue) => issue.field)).toEqual(["contacts.1.id", "contacts.2.id"]);
});

test("taking another contact's email or phone is a CONFLICT, never a silent merge", () => {
  const error = failure(() => planUpsert("t1", [{ id: "ct_ann", email: "BOB@example.com", phone: "+15125550101" }], [ann, bob], sequentialIds()));
  expect(error.code).toBe("CONFLICT");
  expect(error.fields).toEqual([
    { field: "contacts.0.email", message: "already belongs to contact ct_bob" },
    { field: "contacts.0.phone", message: "already belongs to contact ct_bob" },
  ]);
});

test("a key given up earlier in the request is free for a later input", () => {
  const plan = planUpsert("t1", [{ id: "ct_ann", email: "ann.new@example.com" }, { email: "ann@example.com", first_name: "Other Ann" }], [ann], sequentialIds());
  expect(plan.entryContactIds).toEqual(["ct_ann", "ct_new1"]);
});

test("needsWrite is false only for a stored contact whose values did not change", () => {
  const unchanged = planUpsert("t1", [{ email: "Ann@Example.com", first_name: "Ann", tags: ["vip"] }], [ann], sequentialIds());
  expect(unchanged.contacts.map(needsWrite)).toEqual([false]);
  // Matched case-insensitively, but the address is stored as last sent.
  const recased = planUpsert("t1", [{ email: "ann@example.com" }], [ann], sequentialIds());
  expect(recased.contacts.map(needsWrite)).toEqual([true]);
  const changed = planUpsert("t1", [{ email: "ann@example.com", tags: ["vip", "waterfront"] }], [ann], sequentialIds());
  expect(changed.contacts.map(needsWrite)).toEqual([true]);
  const created = planUpsert("t1", [{ email: "new@example.com" }], [ann], sequentialIds());
  expect(created.contacts.map(needsWrite)).toEqual([true]);
});
