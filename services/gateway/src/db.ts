import type { Generated } from "kysely";

export interface ApiTokensTable {
  token_id: string;
  tenant_id: string;
  /** sha256 of the token; the token itself is shown once and never stored. */
  token_hash: string;
  label: string | null;
  created_at: Generated<Date>;
  revoked_at: Date | null;
}

export interface GatewayDatabase {
  api_tokens: ApiTokensTable;
}
