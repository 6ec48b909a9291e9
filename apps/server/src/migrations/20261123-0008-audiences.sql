-- Audiences (人群): a definition, a file of identifiers or a combination of audiences; their members
-- (audience_members, 0007), every enter and exit with its cause, and background recomputations.
create table audiences (
  workspace_id text not null,
  id text not null,
  name text not null,
  description text,
  kind text not null,
  -- rule and combination audiences: the condition tree evaluated (a combination as audience conditions)
  definition jsonb,
  combination jsonb,
  dependencies jsonb not null default '{}',
  time_relative boolean not null default false,
  status text not null default 'active',
  version integer not null default 1,
  size integer not null default 0,
  computed_version integer,
  computed_at timestamptz,
  file_total integer,
  file_unmatched integer,
  created_by text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, id)
);

-- The identifiers uploaded for a file audience (`type:value`, normalised): members are the profiles
-- holding them now, so merges and splits keep file audiences right.
create table audience_file_keys (
  workspace_id text not null,
  audience_id text not null,
  key text collate "C" not null,
  primary key (workspace_id, audience_id, key)
);
create index audience_file_keys_key_idx on audience_file_keys (workspace_id, key);

-- Every enter and exit with its time and cause: the audience history, trend, and the feed that
-- activation consumes (in `seq` order).
create table audience_changes (
  seq bigint generated always as identity primary key,
  workspace_id text not null,
  audience_id text not null,
  profile_id text not null,
  change text not null,
  at timestamptz not null default now(),
  cause jsonb not null
);
create index audience_changes_audience_idx on audience_changes (workspace_id, audience_id, seq);
create index audience_changes_profile_idx on audience_changes (workspace_id, profile_id, seq);

-- Full recomputations (creation, rule change, schedule, by hand), queued and run in the background,
-- with the before/after sizes and how many entered and exited.
create table audience_runs (
  id bigint generated always as identity primary key,
  workspace_id text not null,
  audience_id text not null,
  version integer not null,
  reason text not null,
  status text not null default 'queued',
  before_size integer,
  after_size integer,
  entered integer,
  exited integer,
  error text,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz
);
create index audience_runs_audience_idx on audience_runs (workspace_id, audience_id, id desc);
create index audience_runs_queued_idx on audience_runs (id) where status = 'queued';
