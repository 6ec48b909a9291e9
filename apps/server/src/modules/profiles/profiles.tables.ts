import type { ColumnType, Generated } from 'kysely';

type Json = ColumnType<unknown, string, string>;

export interface ProfilesTable {
  workspace_id: string;
  id: string;
  traits: Json;
  trait_sources: Json;
  name: string | null;
  identifier_count: number;
  /** consent per purpose (`{ marketing: { granted, at, source } }`), read by activation */
  consent: ColumnType<unknown, string | undefined, string>;
  first_seen_at: ColumnType<Date, Date | string, Date | string>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ProfileRedirectsTable {
  workspace_id: string;
  old_id: string;
  new_id: string;
  at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ProfileHistoryTable {
  id: Generated<string>;
  workspace_id: string;
  profile_id: string;
  kind: string;
  details: Json;
  at: ColumnType<Date, Date | string | undefined, never>;
}

export interface ProfileChangesTable {
  seq: Generated<string>;
  workspace_id: string;
  kind: string;
  profile_id: string;
  payload: Json;
  at: ColumnType<Date, Date | string | undefined, never>;
}

export interface IdentifierTraitsTable {
  workspace_id: string;
  key: string;
  state: Json;
}

export interface ProfileSettingsTable {
  workspace_id: string;
  trait_rules: Json;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface ProfilesTables {
  profile_settings: ProfileSettingsTable;
  identifier_traits: IdentifierTraitsTable;
  profiles: ProfilesTable;
  profile_redirects: ProfileRedirectsTable;
  profile_history: ProfileHistoryTable;
  profile_changes: ProfileChangesTable;
}
