import type { ColumnType, Generated, Insertable, Selectable } from "kysely";
import type {
  AudienceCriteria,
  CampaignStatus,
  CampaignTrigger,
  CampaignType,
  Channel,
  ContentAsset,
  ExpectedPerformance,
  PerformanceGoals,
  PersonalizationLevel,
  TemplateVariables,
  ComprehensiveValuation,
} from "@mcb/contracts";
import type { InboxDatabase, OutboxDatabase } from "@mcb/db";

/** jsonb columns: read as the value, written as its JSON text. */
type Json<T> = ColumnType<T, string, string>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** What the campaign stores about its audience: the query, and the name shown to people. */
export interface StoredAudience {
  audience_name: string;
  criteria: AudienceCriteria;
}

export interface CampaignsTable {
  campaign_id: string;
  tenant_id: string;
  owner_id: string;
  campaign_name: string;
  campaign_type: CampaignType;
  campaign_status: CampaignStatus;
  audience: Json<StoredAudience>;
  delivery_channels: Channel[];
  personalization_level: PersonalizationLevel;
  content_overrides: Json<TemplateVariables>;
  performance_goals: Json<PerformanceGoals>;
  template_id: string;
  template_version: number;
  content_assets: Json<ContentAsset[]>;
  trigger: Json<CampaignTrigger>;
  scheduled_send_date: Date | null;
  timezone: string | null;
  audience_size: number | null;
  estimated_reach: number | null;
  expected_performance: Json<ExpectedPerformance>;
  suggestions: Json<string[]>;
  generation_time_ms: number;
  launch_cursor: string | null;
  deliveries_total: Generated<number>;
  deliveries_sent: Generated<number>;
  deliveries_failed: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
  launched_at: Date | null;
  completed_at: Date | null;
  /** Insertion order, for pagination. */
  seq: Generated<number>;
  /** sha256 of the creating request's body, when it came with an Idempotency-Key. */
  request_fingerprint: string | null;
}

export interface ValuationsTable {
  valuation_id: string;
  tenant_id: string;
  valuation: Json<ComprehensiveValuation>;
  created_at: Generated<Date>;
  request_fingerprint: ColumnType<string | null, string | null | undefined, never>;
}

export interface AuditLogTable {
  audit_id: Generated<string>;
  tenant_id: string;
  campaign_id: string;
  actor: string;
  action: string;
  from_status: CampaignStatus | null;
  to_status: CampaignStatus | null;
  changes: Json<Record<string, unknown>> | null;
  at: Generated<Date>;
}

export interface CampaignActivityTable {
  campaign_id: string;
  tenant_id: string;
  hour: Date;
  channel: string;
  kind: string;
  count: number;
}

export interface CampaignDatabase extends OutboxDatabase, InboxDatabase {
  campaigns: CampaignsTable;
  valuations: ValuationsTable;
  audit_log: AuditLogTable;
  campaign_activity: CampaignActivityTable;
}

export type CampaignRow = Selectable<CampaignsTable>;
export type NewCampaignRow = Insertable<CampaignsTable>;
