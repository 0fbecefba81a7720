import { z } from "zod";
import { CampaignTemplate, type TemplateRef } from "@mcb/contracts";

/**
 * One template version as this service keeps it (in Redis and in memory): the contract shape
 * plus its owner, which the contract leaves out but every read must check.
 */
export const StoredTemplateVersion = z.object({
  /** null for library templates, which every tenant may use. */
  owner_tenant_id: z.string().nullable(),
  template: CampaignTemplate,
});
export type StoredTemplateVersion = z.infer<typeof StoredTemplateVersion>;

/** Where the renderer gets template versions from (Redis in front of Postgres in production). */
export interface TemplateVersionSource {
  load(ref: TemplateRef): Promise<StoredTemplateVersion | undefined>;
}

/** Library templates are everyone's; a tenant's own templates are theirs alone. */
export function isVisibleTo(ownerTenantId: string | null, tenantId: string): boolean {
  return ownerTenantId === null || ownerTenantId === tenantId;
}
