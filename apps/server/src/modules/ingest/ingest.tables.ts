import type { ColumnType, Generated, Selectable } from 'kysely';

type Json = ColumnType<unknown, string | null, string | null>;

export interface EventsTable {
  id: Generated<string>;
  workspace_id: string;
  source_id: string;
  message_id: string;
  type: string;
  event: string | null;
  name: string | null;
  user_id: string | null;
  anonymous_id: string | null;
  group_id: string | null;
  previous_id: string | null;
  timestamp: Date;
  original_timestamp: Date | null;
  sent_at: Date | null;
  received_at: Date;
  flags: string[];
  ip: string | null;
  user_agent: string | null;
  library_name: string | null;
  library_version: string | null;
  locale: string | null;
  page_url: string | null;
  page_path: string | null;
  page_referrer: string | null;
  utm_source: string | null;
  utm_medium: string | null;
  utm_campaign: string | null;
  device_type: string | null;
  os_name: string | null;
  properties: Json;
  traits: Json;
  context: Json;
  integrations: Json;
  extra: Json;
}
export type EventRow = Selectable<EventsTable>;

export interface IngestDedupeTable {
  source_id: string;
  message_id: string;
  received_at: Date;
  payload_hash: string;
}

export interface QuarantineTable {
  id: string;
  workspace_id: string;
  source_id: string;
  message_id: string | null;
  received_at: Date;
  status: string;
  problems: Json;
  payload: Json;
  resolved_at: Date | null;
}
export type QuarantineRow = Selectable<QuarantineTable>;

export interface IngestStatsTable {
  workspace_id: string;
  source_id: string;
  minute: Date;
  accepted: number;
  quarantined: number;
  duplicates: number;
}

export interface IngestTables {
  events: EventsTable;
  ingest_dedupe: IngestDedupeTable;
  quarantine: QuarantineTable;
  ingest_stats: IngestStatsTable;
}
