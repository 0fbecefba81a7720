import type { Migration } from "kysely";
import * as m0001 from "./0001-campaigns";
import * as m0002 from "./0002-audit-and-activity";
import * as m0003 from "./0003-campaign-sequence";
import * as m0004 from "./0004-request-fingerprints";

export const schema = "campaign";
export const migrations: Record<string, Migration> = { "0001-campaigns": m0001, "0002-audit-and-activity": m0002, "0003-campaign-sequence": m0003, "0004-request-fingerprints": m0004 };
