import type { Migration } from "kysely";
import * as templates0001 from "./0001-templates";

/** The Postgres schema this service owns; the pool's search_path points at it. */
export const schema = "template";

/** Applied in key order by Kysely's migrator; never rename or edit an applied entry. */
export const migrations: Record<string, Migration> = {
  "0001-templates": templates0001,
};
