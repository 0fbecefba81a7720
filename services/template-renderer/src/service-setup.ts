import type { ServiceContext } from "@mcb/runtime";
import type { TemplateDatabase } from "./db";
import type { TemplateRendererEnv } from "./env";
import { registerTemplateHandlers } from "./handlers";
import { libraryDefaultTemplateIds, templateLibrary } from "./library";
import { TemplateRenderer } from "./render/template-renderer";
import { CachedTemplateVersions } from "./store/cached-template-versions";
import { syncTemplateLibrary } from "./store/library-sync";

/** Syncs the library, builds the renderer over Redis and Postgres, and registers the handlers. */
export async function setupTemplateRenderer(ctx: ServiceContext<TemplateDatabase, TemplateRendererEnv>): Promise<void> {
  if (!ctx.redis) throw new Error("template-renderer needs Redis: start it with useRedis: true");
  const report = await syncTemplateLibrary(ctx.db, templateLibrary);
  ctx.logger.info("template library synced", {
    inserted: report.inserted.length,
    versioned: report.versioned,
    updated: report.updated,
    unchanged: report.unchanged.length,
    stale: report.stale,
  });
  const versions = new CachedTemplateVersions({
    db: ctx.db,
    redis: ctx.redis,
    keyPrefix: ctx.config.REDIS_KEY_PREFIX,
    ttlSeconds: ctx.config.TEMPLATE_CACHE_TTL_SECONDS,
    logger: ctx.logger,
  });
  const renderer = new TemplateRenderer(versions, { compiledCacheSize: ctx.config.TEMPLATE_COMPILED_CACHE_SIZE });
  registerTemplateHandlers(ctx.server, {
    db: ctx.db,
    renderer,
    libraryDefaultIds: new Set(Object.values(libraryDefaultTemplateIds)),
  });
}
