-- File imports started from the console: uploaded files live in <data dir>/imports, jobs here.
create table import_files (
  id text primary key,
  workspace_id text not null,
  filename text not null,
  format text not null,
  path text not null,
  bytes bigint not null,
  created_at timestamptz not null default now()
);

create table import_jobs (
  id text primary key,
  workspace_id text not null,
  file_id text not null references import_files (id),
  kind text not null,
  source text not null,
  status text not null,
  progress jsonb not null default '{}',
  errors jsonb not null default '[]',
  error text,
  report_path text not null,
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
create index import_jobs_workspace_idx on import_jobs (workspace_id, created_at desc);
