import type { ColumnType } from 'kysely';

type Json = ColumnType<unknown, string | undefined, string>;

export interface ImportFilesTable {
  id: string;
  workspace_id: string;
  filename: string;
  format: string;
  path: string;
  bytes: ColumnType<string, number, number>;
  created_at: ColumnType<Date, Date | undefined, never>;
}

export interface ImportJobsTable {
  id: string;
  workspace_id: string;
  file_id: string;
  kind: string;
  source: string;
  status: string;
  progress: Json;
  errors: Json;
  error: string | null;
  report_path: string;
  created_at: ColumnType<Date, Date | undefined, never>;
  finished_at: Date | null;
}

export interface ImportsTables {
  import_files: ImportFilesTable;
  import_jobs: ImportJobsTable;
}
