import type { Redis } from "ioredis";
import type { Kysely } from "kysely";
import type { TemplateRef } from "@mcb/contracts";
import type { Logger } from "@mcb/telemetry";
import type { TemplateDatabase } from "../db";
import { StoredTemplateVersion, type TemplateVersionSource } from "./stored-template-version";
import { findTemplateVersion } from "./template-repository";

export interface CachedTemplateVersionsOptions {
  db: Kysely<TemplateDatabase>;
  redis: Redis;
  /** REDIS_KEY_PREFIX, e.g. "mcb:". */
  keyPrefix: string;
  ttlSeconds: number;
  logger: Logger;
}

/** The Redis key of one template version. */
export function templateVersionCacheKey(keyPrefix: string, ref: TemplateRef): string {
  return `${keyPrefix}template:${ref.template_id}:${ref.version}`;
}

/**
 * Template versions read through Redis, falling back to Postgres on a miss. A version never
 * changes once written, so a cached copy is never stale; the TTL only bounds memory. Redis
 * trouble degrades to Postgres reads instead of failing renders.
 */
export class CachedTemplateVersions implements TemplateVersionSource {
  constructor(private readonly options: CachedTemplateVersionsOptions) {}

  async load(ref: TemplateRef): Promise<StoredTemplateVersion | undefined> {
    const key = templateVersionCacheKey(this.options.keyPrefix, ref);
    const cached = await this.readCache(key);
    if (cached) return cached;
    const stored = await findTemplateVersion(this.options.db, ref);
    if (stored) await this.writeCache(key, stored);
    return stored;
  }

  private async readCache(key: string): Promise<StoredTemplateVersion | undefined> {
    let raw: string | null;
    try {
      raw = await this.options.redis.get(key);
    } catch (error) {
      this.options.logger.warn("template cache read failed; using Postgres", { key, error });
      return undefined;
    }
    if (raw === null) return undefined;
    try {
      const parsed = StoredTemplateVersion.safeParse(JSON.parse(raw));
      if (parsed.success) return parsed.data;
    } catch {
      // fall through: an unreadable entry is treated as a miss and overwritten below
    }
    this.options.logger.warn("template cache entry unreadable; reloading", { key });
    return undefined;
  }

  private async writeCache(key: string, stored: StoredTemplateVersion): Promise<void> {
    try {
      await this.options.redis.set(key, JSON.stringify(stored), "EX", this.options.ttlSeconds);
    } catch (error) {
      this.options.logger.warn("template cache write failed", { key, error });
    }
  }
}
