import { ServiceError } from "@mcb/bus";
import type { RenderedContent, RenderRequest } from "@mcb/contracts";
import { isVisibleTo, type TemplateVersionSource } from "../store/stored-template-version";
import { renderChannelOutput } from "./channel-output";
import { LruCache } from "./lru-cache";
import { compileChannelContent, TemplateCompileError, type CompiledChannelContent } from "./template-compiler";
import { resolveTemplateVariables } from "./template-variables";

interface CompiledEntry {
  ownerTenantId: string | null;
  content: CompiledChannelContent;
}

export interface TemplateRendererOptions {
  /** How many compiled (template, version, channel) triples to keep in memory. */
  compiledCacheSize: number;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Renders a template version for one channel. Each (template, version, channel) is compiled
 * once and kept in a bounded LRU; versions are immutable, so a compiled entry never goes stale
 * and a hit needs no I/O at all. Ownership is checked on every render, hit or miss.
 */
export class TemplateRenderer {
  private readonly compiled: LruCache<string, CompiledEntry>;

  constructor(
    private readonly versions: TemplateVersionSource,
    options: TemplateRendererOptions,
  ) {
    this.compiled = new LruCache(options.compiledCacheSize);
  }

  async render(request: RenderRequest): Promise<RenderedContent> {
    const entry = await this.compiledEntry(request);
    const data = resolveTemplateVariables(request.variables);
    try {
      return renderChannelOutput(entry.content, data);
    } catch (error) {
      const { template_id, version } = request.template;
      throw new ServiceError("INVALID_STATE", `template ${template_id} version ${version} failed to render for ${request.channel}: ${messageOf(error)}`, {
        details: { reason: "TEMPLATE_RENDER_FAILED", template_id, version, channel: request.channel },
        cause: error,
      });
    }
  }

  private async compiledEntry(request: RenderRequest): Promise<CompiledEntry> {
    const { template_id, version } = request.template;
    const key = `${template_id}\u0000${version}\u0000${request.channel}`;
    const hit = this.compiled.get(key);
    if (hit) {
      if (!isVisibleTo(hit.ownerTenantId, request.tenant_id)) throw this.notFound(request);
      return hit;
    }

    const stored = await this.versions.load(request.template);
    // Another tenant's template is reported exactly like a missing one, so ids cannot be probed.
    if (!stored || !isVisibleTo(stored.owner_tenant_id, request.tenant_id)) throw this.notFound(request);
    const content = stored.template.contents.find((c) => c.channel === request.channel);
    if (!content) {
      throw new ServiceError("VALIDATION_FAILED", `template ${template_id} version ${version} has no ${request.channel} content`, {
        fields: [{ field: "channel", message: `template ${template_id} has no ${request.channel} content` }],
      });
    }
    let compiled: CompiledChannelContent;
    try {
      compiled = compileChannelContent(request.channel, content);
    } catch (error) {
      if (!(error instanceof TemplateCompileError)) throw error;
      throw new ServiceError("INVALID_STATE", `template ${template_id} version ${version} does not compile (${error.message})`, {
        details: { reason: error.code, template_id, version, channel: request.channel, part: error.part },
        cause: error,
      });
    }
    const entry: CompiledEntry = { ownerTenantId: stored.owner_tenant_id, content: compiled };
    this.compiled.set(key, entry);
    return entry;
  }

  private notFound(request: RenderRequest): ServiceError {
    return new ServiceError("NOT_FOUND", `template ${request.template.template_id} version ${request.template.version} not found`);
  }
}
