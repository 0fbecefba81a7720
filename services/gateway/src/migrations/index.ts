import type { Migration } from "kysely";
import * as m0001 from "./0001-api-tokens";

export const schema = "gateway";
export const migrations: Record<string, Migration> = { "0001-api-tokens": m0001 };
