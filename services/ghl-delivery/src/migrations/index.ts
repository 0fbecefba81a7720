import type { Migration } from "kysely";
import * as m0001 from "./0001-deliveries";
import * as m0002 from "./0002-campaign-holds";
import * as m0003 from "./0003-hold-tombstones";

/** The Postgres schema ghl-delivery owns; migrations use unqualified names inside it. */
export const schema = "delivery";
export const migrations: Record<string, Migration> = { "0001-deliveries": m0001, "0002-campaign-holds": m0002, "0003-hold-tombstones": m0003 };
