import { createHash } from "node:crypto";
import type { Request } from "express";
import type { Redis } from "ioredis";
import { ServiceError } from "@mcb/bus";

export interface StoredResponse {
  status: number;
  body: unknown;
}

interface Entry {
  state: "pending" | "done";
  fingerprint: string;
  response?: StoredResponse;
}

const PENDING_MS = 60_000;
const KEEP_MS = 24 * 3_600_000;

/** Stable JSON: same object, same text, whatever the key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** Without the store no key can be honoured: say the dependency is unavailable (503), not 500. */
async function storeCall<T>(op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (error) {
    throw new ServiceError("UPSTREAM_UNAVAILABLE", "the idempotency store is unavailable; retry shortly", { cause: error });
  }
}

/**
 * Idempotency-Key handling for creating POSTs: the first response for a key is kept (in Redis,
 * shared by every gateway copy and surviving gateway restarts) and replayed for the same body;
 * another body under the same key is refused with 422.
 */
export class IdempotencyStore {
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
  ) {}

  async run(scope: { tenant: string; method: string; path: string; key: string; body: unknown }, execute: () => Promise<StoredResponse>): Promise<StoredResponse & { replayed: boolean }> {
    if (scope.key.length > 255 || !/^[\x21-\x7e]+$/.test(scope.key)) {
      throw new ServiceError("VALIDATION_FAILED", "Idempotency-Key must be 1-255 visible ASCII characters", { fields: [{ field: "header.Idempotency-Key", message: "invalid" }] });
    }
    const redisKey = `${this.keyPrefix}idem:${scope.tenant}:${createHash("sha256").update(`${scope.method} ${scope.path} ${scope.key}`).digest("hex")}`;
    const fingerprint = requestFingerprint(scope.body);
    const claimed = await storeCall(() => this.redis.set(redisKey, JSON.stringify({ state: "pending", fingerprint } satisfies Entry), "PX", PENDING_MS, "NX"));
    if (claimed !== "OK") {
      const existing = JSON.parse((await storeCall(() => this.redis.get(redisKey))) ?? "null") as Entry | null;
      if (existing) {
        if (existing.fingerprint !== fingerprint) throw new ServiceError("IDEMPOTENCY_MISMATCH", "this Idempotency-Key was used with a different request body");
        if (existing.state === "pending" || !existing.response) throw new ServiceError("CONFLICT", "a request with this Idempotency-Key is still being processed; retry shortly");
        return { ...existing.response, replayed: true };
      }
      return this.run(scope, execute); // expired between SET and GET: claim again
    }
    try {
      const response = await execute();
      // Best effort from here: the work is done and its answer is right even if Redis just failed;
      // a retry then reaches the engine, which finds the first result by the key and body.
      if (response.status >= 500) await this.redis.del(redisKey).catch(() => undefined);
      else await this.redis.set(redisKey, JSON.stringify({ state: "done", fingerprint, response } satisfies Entry), "PX", KEEP_MS).catch(() => undefined);
      return { ...response, replayed: false };
    } catch (error) {
      // An answer that timed out may still have created something: keep the key busy until its
      // pending time runs out (retries get 409 meanwhile; the engine derives ids from the key, so a
      // later retry finds the first result). Any other failure created nothing: release the key.
      if (!(error instanceof ServiceError && error.code === "UPSTREAM_TIMEOUT")) await this.redis.del(redisKey).catch(() => undefined);
      throw error;
    }
  }
}

/** What identifies a request body, whatever its key order. */
export function requestFingerprint(body: unknown): string {
  return createHash("sha256").update(canonical(body)).digest("hex");
}

/** The request's Idempotency-Key and body fingerprint, for the services that derive ids from them. */
export function idempotencyOf(req: Request, body: unknown): { idempotency?: { key: string; fingerprint: string } } {
  const key = req.header("idempotency-key");
  return key ? { idempotency: { key, fingerprint: requestFingerprint(body) } } : {};
}
