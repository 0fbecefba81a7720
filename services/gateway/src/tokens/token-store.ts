import { createHash, randomBytes } from "node:crypto";
import { sql, type Kysely } from "kysely";
import { TenantId } from "@mcb/contracts";
import type { GatewayDatabase } from "../db";

export interface TokenPrincipal {
  token_id: string;
  tenant_id: string;
}

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** API tokens per tenant. Tokens have 256 random bits, so a fast hash is enough to store them. */
export class TokenStore {
  private readonly cache = new Map<string, { principal: TokenPrincipal | null; expires: number }>();

  constructor(
    private readonly db: Kysely<GatewayDatabase>,
    private readonly cacheMs = 30_000,
  ) {}

  async create(tenantId: string, label?: string): Promise<{ token: string; token_id: string; tenant_id: string }> {
    const tenant = TenantId.parse(tenantId);
    const token = `mcb_${randomBytes(32).toString("base64url")}`;
    const tokenId = `tok_${randomBytes(8).toString("hex")}`;
    await this.db.insertInto("api_tokens").values({ token_id: tokenId, tenant_id: tenant, token_hash: hashToken(token), label: label ?? null, revoked_at: null }).execute();
    return { token, token_id: tokenId, tenant_id: tenant };
  }

  /** Resolves a presented token; answers from a short cache so auth costs no query per request. */
  async verify(token: string): Promise<TokenPrincipal | null> {
    const hash = hashToken(token);
    const cached = this.cache.get(hash);
    if (cached && cached.expires > Date.now()) return cached.principal;
    const row = await this.db.selectFrom("api_tokens").select(["token_id", "tenant_id"]).where("token_hash", "=", hash).where("revoked_at", "is", null).executeTakeFirst();
    const principal = row ?? null;
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(hash, { principal, expires: Date.now() + this.cacheMs });
    return principal;
  }

  async list(tenantId?: string) {
    let query = this.db.selectFrom("api_tokens").select(["token_id", "tenant_id", "label", "created_at", "revoked_at"]).orderBy("created_at");
    if (tenantId) query = query.where("tenant_id", "=", tenantId);
    return query.execute();
  }

  async revoke(tokenId: string): Promise<boolean> {
    const result = await this.db.updateTable("api_tokens").set({ revoked_at: sql`now()` }).where("token_id", "=", tokenId).where("revoked_at", "is", null).executeTakeFirst();
    this.cache.clear();
    return Number(result.numUpdatedRows) > 0;
  }
}
