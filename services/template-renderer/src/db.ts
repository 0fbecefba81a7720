import type { ColumnType, Selectable } from "kysely";
import type { AudienceSegment, CampaignType, TemplateContent } from "@mcb/contracts";

type CreatedAt = ColumnType<Date, never, never>;
type UpdatedAt = ColumnType<Date, never, Date>;

/** One template: its identity and catalogue metadata. A null tenant_id marks a library template. */
export interface TemplatesTable {
  template_id: string;
  tenant_id: string | null;
  template_name: string;
  description: string;
  campaign_type: CampaignType;
  target_segments: AudienceSegment[];
  is_library: boolean;
  current_version: number;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** An immutable snapshot of a template's contents; renders always name a version. */
export interface TemplateVersionsTable {
  template_id: string;
  version: number;
  /** jsonb: pg would turn a JS array into a Postgres array literal, so inserts pass JSON text. */
  contents: ColumnType<TemplateContent[], string, never>;
  variables: string[];
  content_hash: string;
  created_at: CreatedAt;
}

export interface TemplateDatabase {
  templates: TemplatesTable;
  template_versions: TemplateVersionsTable;
}

export type TemplateRow = Selectable<TemplatesTable>;
