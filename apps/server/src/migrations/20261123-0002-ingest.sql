-- Sources and the durable event log, with dedupe, quarantine and per-minute counters.
create table sources (
  id text primary key,
  workspace_id text not null references workspaces (id),
  name text not null,
  type text not null,
  write_key text not null unique,
  enabled boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index sources_workspace_idx on sources (workspace_id, created_at);

create table events (
  id bigint generated always as identity primary key,
  workspace_id text not null,
  source_id text not null,
  message_id text not null,
  type text not null,
  event text,
  name text,
  user_id text,
  anonymous_id text,
  group_id text,
  previous_id text,
  "timestamp" timestamptz not null,
  original_timestamp timestamptz,
  sent_at timestamptz,
  received_at timestamptz not null,
  flags text[] not null default '{}',
  ip text,
  user_agent text,
  library_name text,
  library_version text,
  locale text,
  page_url text,
  page_path text,
  page_referrer text,
  utm_source text,
  utm_medium text,
  utm_campaign text,
  device_type text,
  os_name text,
  properties jsonb,
  traits jsonb,
  context jsonb,
  integrations jsonb,
  extra jsonb
);
create index events_source_id_idx on events (source_id, id);
create index events_workspace_received_idx on events (workspace_id, received_at);

-- One row per (source, messageId) seen within the dedupe window.
create table ingest_dedupe (
  source_id text not null,
  message_id text not null,
  received_at timestamptz not null,
  payload_hash text not null,
  primary key (source_id, message_id)
);
create index ingest_dedupe_received_idx on ingest_dedupe (received_at);

-- Messages that parsed but broke the spec (or could not be stored): kept to be fixed and replayed.
create table quarantine (
  id text primary key,
  workspace_id text not null,
  source_id text not null,
  message_id text,
  received_at timestamptz not null,
  status text not null default 'pending',
  problems jsonb not null,
  payload jsonb,
  resolved_at timestamptz
);
create index quarantine_workspace_status_idx on quarantine (workspace_id, status, id);
create index quarantine_source_idx on quarantine (source_id, id);

create table ingest_stats (
  workspace_id text not null,
  source_id text not null,
  minute timestamptz not null,
  accepted integer not null default 0,
  quarantined integer not null default 0,
  duplicates integer not null default 0,
  primary key (source_id, minute)
);
create index ingest_stats_workspace_minute_idx on ingest_stats (workspace_id, minute);
