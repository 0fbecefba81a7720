import { sql, type Kysely } from "kysely";
import { z } from "zod";
import { TemplateContent, type AudienceSegment, type CampaignType, type TemplateRef } from "@mcb/contracts";
import type { TemplateDatabase } from "../db";
import type { StoredTemplateVersion } from "./stored-template-version";

const Contents = z.array(TemplateContent).min(1);

/** Templates joined with one of their versions: the current one, or the one a render names. */
function templatesWithVersions(db: Kysely<TemplateDatabase>, version: "current" | "any") {
  return db
    .selectFrom("templates as t")
    .innerJoin("template_versions as v", (join) =>
      version === "current"
        ? join.onRef("v.template_id", "=", "t.template_id").onRef("v.version", "=", "t.current_version")
        : join.onRef("v.template_id", "=", "t.template_id"),
    )
    .select([
      "t.template_id",
      "t.tenant_id",
      "t.template_name",
      "t.description",
      "t.campaign_type",
      "t.target_segments",
      "t.is_library",
      "v.version",
      "v.contents",
      "v.variables",
    ]);
}

type JoinedRow = Awaited<ReturnType<ReturnType<typeof templatesWithVersions>["executeTakeFirstOrThrow"]>>;

function toStored(row: JoinedRow): StoredTemplateVersion {
  return {
    owner_tenant_id: row.tenant_id,
    template: {
      template_id: row.template_id,
      template_name: row.template_name,
      description: row.description,
      campaign_type: row.campaign_type,
      target_segments: row.target_segments,
      // jsonb comes back already parsed; checking it keeps a hand-edited row from crashing a render.
      contents: Contents.parse(row.contents),
      variables: row.variables,
      version: row.version,
      is_library: row.is_library,
    },
  };
}

/** One exact version of a template, whoever owns it (callers check visibility). */
export async function findTemplateVersion(db: Kysely<TemplateDatabase>, ref: TemplateRef): Promise<StoredTemplateVersion | undefined> {
  const row = await templatesWithVersions(db, "any")
    .where("t.template_id", "=", ref.template_id)
    .where("v.version", "=", ref.version)
    .executeTakeFirst();
  return row ? toStored(row) : undefined;
}

/** A template at its current version, if the tenant may see it. */
export async function findVisibleTemplate(db: Kysely<TemplateDatabase>, tenantId: string, templateId: string): Promise<StoredTemplateVersion | undefined> {
  const row = await templatesWithVersions(db, "current")
    .where("t.template_id", "=", templateId)
    .where((eb) => eb.or([eb("t.tenant_id", "is", null), eb("t.tenant_id", "=", tenantId)]))
    .executeTakeFirst();
  return row ? toStored(row) : undefined;
}

export interface VisibleTemplatesFilter {
  tenantId: string;
  campaignType?: CampaignType | undefined;
  /** Keeps templates aimed at any of these segments; empty or absent means no segment filter. */
  targetSegments?: readonly AudienceSegment[] | undefined;
}

/** The library plus the tenant's own templates, at their current versions. */
export async function listVisibleTemplates(db: Kysely<TemplateDatabase>, filter: VisibleTemplatesFilter): Promise<StoredTemplateVersion[]> {
  let query = templatesWithVersions(db, "current").where((eb) => eb.or([eb("t.tenant_id", "is", null), eb("t.tenant_id", "=", filter.tenantId)]));
  if (filter.campaignType) query = query.where("t.campaign_type", "=", filter.campaignType);
  if (filter.targetSegments && filter.targetSegments.length > 0) {
    query = query.where(sql<boolean>`t.target_segments && ${sql.val([...filter.targetSegments])}::text[]`);
  }
  const rows = await query.orderBy("t.is_library", "desc").orderBy("t.campaign_type").orderBy("t.template_name").orderBy("t.template_id").execute();
  return rows.map(toStored);
}
