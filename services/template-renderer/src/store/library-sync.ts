import type { Kysely, Transaction } from "kysely";
import type { TemplateDatabase, TemplateRow } from "../db";
import { templateVariablesOf, type LibraryTemplate } from "../library";
import { hashTemplateContents } from "./content-hash";

export type LibrarySyncOutcome = "inserted" | "versioned" | "updated" | "unchanged" | "stale";

export interface LibrarySyncReport {
  inserted: string[];
  versioned: string[];
  updated: string[];
  unchanged: string[];
  /** This code carries contents the database already moved past (an older copy restarting mid-deploy). */
  stale: string[];
}

function sameMetadata(row: TemplateRow, template: LibraryTemplate): boolean {
  return (
    row.template_name === template.template_name &&
    row.description === template.description &&
    row.campaign_type === template.campaign_type &&
    row.target_segments.length === template.target_segments.length &&
    row.target_segments.every((segment, i) => segment === template.target_segments[i])
  );
}

async function insertVersion(trx: Transaction<TemplateDatabase>, template: LibraryTemplate, version: number, contentHash: string): Promise<void> {
  await trx
    .insertInto("template_versions")
    .values({
      template_id: template.template_id,
      version,
      contents: JSON.stringify(template.contents),
      variables: templateVariablesOf(template.contents),
      content_hash: contentHash,
    })
    .execute();
}

/**
 * Brings one library template's row up to date in its own transaction. The insert-or-lock
 * sequence makes concurrent starts safe: a second copy waits on the first one's insert (unique
 * key) or row lock, then finds the same hash and changes nothing.
 */
async function syncLibraryTemplate(db: Kysely<TemplateDatabase>, template: LibraryTemplate): Promise<LibrarySyncOutcome> {
  const contentHash = hashTemplateContents(template.contents);
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto("templates")
      .values({
        template_id: template.template_id,
        tenant_id: null,
        template_name: template.template_name,
        description: template.description,
        campaign_type: template.campaign_type,
        target_segments: [...template.target_segments],
        is_library: true,
        current_version: 1,
      })
      .onConflict((oc) => oc.column("template_id").doNothing())
      .returning("template_id")
      .executeTakeFirst();
    if (inserted) {
      await insertVersion(trx, template, 1, contentHash);
      return "inserted";
    }

    const row = await trx.selectFrom("templates").selectAll().where("template_id", "=", template.template_id).forUpdate().executeTakeFirstOrThrow();
    if (!row.is_library) throw new Error(`library template id ${template.template_id} is taken by a tenant template`);
    const metadataChanged = !sameMetadata(row, template);
    if (metadataChanged) {
      await trx
        .updateTable("templates")
        .set({
          template_name: template.template_name,
          description: template.description,
          campaign_type: template.campaign_type,
          target_segments: [...template.target_segments],
          updated_at: new Date(),
        })
        .where("template_id", "=", template.template_id)
        .execute();
    }

    const current = await trx
      .selectFrom("template_versions")
      .select("content_hash")
      .where("template_id", "=", template.template_id)
      .where("version", "=", row.current_version)
      .executeTakeFirst();
    if (current?.content_hash === contentHash) return metadataChanged ? "updated" : "unchanged";
    // Contents equal to an earlier version come from older code (a copy restarting during a
    // rolling deploy): it must not roll the library back. A deliberate revert is a new edit.
    const earlier = await trx.selectFrom("template_versions").select("version").where("template_id", "=", template.template_id).where("content_hash", "=", contentHash).executeTakeFirst();
    if (earlier) return "stale";

    const latest = await trx
      .selectFrom("template_versions")
      .select((eb) => eb.fn.max("version").as("version"))
      .where("template_id", "=", template.template_id)
      .executeTakeFirstOrThrow();
    const next = (latest.version ?? 0) + 1;
    await insertVersion(trx, template, next, contentHash);
    await trx.updateTable("templates").set({ current_version: next, updated_at: new Date() }).where("template_id", "=", template.template_id).execute();
    return "versioned";
  });
}

/**
 * Makes the database match the library in code: missing templates are inserted, and a template
 * whose contents changed gets a new version (older versions stay, so scheduled renders that
 * name them keep working). Running it again, or from several copies at once, changes nothing.
 * Contents equal to an earlier version are older code, not a change: they are left alone.
 */
export async function syncTemplateLibrary(db: Kysely<TemplateDatabase>, library: readonly LibraryTemplate[]): Promise<LibrarySyncReport> {
  const report: LibrarySyncReport = { inserted: [], versioned: [], updated: [], unchanged: [], stale: [] };
  for (const template of library) {
    const outcome = await syncLibraryTemplate(db, template);
    report[outcome].push(template.template_id);
  }
  return report;
}
