import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";
import type { AudienceSegment, DeliverableChannel } from "@mcb/contracts";

/** Read as a Date, written as a Date or an SQL expression such as now(); defaulted on insert. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface ContactTable {
  id: string;
  tenant_id: string;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  city: string | null;
  state: string | null;
  postal_code: string | null;
  latitude: number | null;
  longitude: number | null;
  timezone: string | null;
  tags: Generated<string[]>;
  segments: Generated<AudienceSegment[]>;
  /** numeric; @mcb/db parses numeric columns as numbers. */
  household_income: number | null;
  age: number | null;
  engagement_score: number | null;
  email_opt_in: Generated<boolean>;
  sms_opt_in: Generated<boolean>;
  ghl_contact_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SuppressionTable {
  tenant_id: string;
  channel: DeliverableChannel;
  /** Lower-case for EMAIL (enforced by a check constraint), E.164 for SMS. */
  address: string;
  reason: string;
  created_at: Timestamp;
}

export interface AudienceDatabase {
  contacts: ContactTable;
  suppressions: SuppressionTable;
}

export type ContactRow = Selectable<ContactTable>;
export type NewContactRow = Insertable<ContactTable>;
export type ContactRowUpdate = Updateable<ContactTable>;
export type SuppressionRow = Selectable<SuppressionTable>;
export type NewSuppressionRow = Insertable<SuppressionTable>;
