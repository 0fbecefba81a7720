import type { Migration } from "kysely";
import * as contacts from "./0001-contacts";

/** The Postgres schema every audience-service table lives in. */
export const schema = "audience";

/** Applied in key order; keys are never renamed once released. */
export const migrations: Record<string, Migration> = {
  "0001-contacts": contacts,
};
