import type { Migration } from "kysely";
import * as m0001 from "./0001-campaigns";

export const schema = "campaign";
export const migrations: Record<string, Migration> = { "0001-campaigns": m0001 };
