import type { ColumnType, Selectable } from 'kysely';

export interface SourcesTable {
  id: string;
  workspace_id: string;
  name: string;
  type: string;
  write_key: string;
  enabled: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}
export type SourceRow = Selectable<SourcesTable>;

export interface SourcesTables {
  sources: SourcesTable;
}
