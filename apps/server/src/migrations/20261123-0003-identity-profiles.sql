-- OneID and unified profiles: the evidence, the identity graph it resolves to, profiles with
-- event-time traits, their history and the change feed for later consumers.

-- Events committed but not yet applied to identities and profiles: one row per write group.
create table event_pipeline (
  id bigint generated always as identity primary key,
  event_ids bigint[] not null,
  attempts integer not null default 0,
  last_error text,
  created_at timestamptz not null default now()
);

-- Identity rules per workspace (identifier types with priority, limits, junk values); absent → built-ins.
create table identity_settings (
  workspace_id text primary key,
  types jsonb not null,
  version integer not null default 1,
  updated_at timestamptz not null default now()
);

-- Evidence: each distinct set of identifiers seen together, with its earliest evidence (event,
-- import row or operator action). Later sightings of the same set change nothing in the graph.
create table identity_observations (
  workspace_id text not null,
  set_hash text not null,
  keys text[] not null,
  evidence_id text not null,
  kind text not null,
  source_id text,
  at timestamptz not null,
  retracted_at timestamptz,
  retracted_reason text,
  primary key (workspace_id, set_hash)
);
create index identity_observations_keys_idx on identity_observations using gin (keys);

-- Identifiers (`type:value`) and the profile each belongs to.
create table identity_nodes (
  workspace_id text not null,
  key text collate "C" not null,
  type text not null,
  value text collate "C" not null,
  profile_id text not null,
  first_seen_at timestamptz not null,
  primary key (workspace_id, key)
);
create index identity_nodes_profile_idx on identity_nodes (workspace_id, profile_id);
create index identity_nodes_value_idx on identity_nodes (workspace_id, type, value);

-- Identifiers an operator took out of the graph everywhere.
create table identity_retractions (
  workspace_id text not null,
  key text collate "C" not null,
  reason text,
  created_by text,
  created_at timestamptz not null default now(),
  primary key (workspace_id, key)
);

-- Identifiers an observation carried but did not link (limits, junk), recomputed with its component.
create table identity_conflicts (
  workspace_id text not null,
  set_hash text not null,
  reason text not null,
  left_out text[] not null,
  profile_id text,
  evidence_id text not null,
  at timestamptz not null,
  primary key (workspace_id, set_hash, reason)
);
create index identity_conflicts_profile_idx on identity_conflicts (workspace_id, profile_id);
create index identity_conflicts_at_idx on identity_conflicts (workspace_id, at desc);

create table profiles (
  workspace_id text not null,
  id text not null,
  traits jsonb not null default '{}',
  trait_sources jsonb not null default '{}',
  name text collate "C",
  identifier_count integer not null,
  first_seen_at timestamptz not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, id)
);
create index profiles_name_idx on profiles (workspace_id, name) where name is not null;

-- Trait state asserted by evidence headed by an identifier (value, event time, source per trait):
-- a profile's traits are the fold of its identifiers' states, so merges and splits recompute them.
create table identifier_traits (
  workspace_id text not null,
  key text collate "C" not null,
  state jsonb not null,
  primary key (workspace_id, key)
);

-- How each trait's value is chosen (latest event time by default, first seen, source priority).
create table profile_settings (
  workspace_id text primary key,
  trait_rules jsonb not null default '{}',
  updated_at timestamptz not null default now()
);

-- Ids that no longer exist (merged away, re-anchored) and where they went.
create table profile_redirects (
  workspace_id text not null,
  old_id text not null,
  new_id text not null,
  at timestamptz not null default now(),
  primary key (workspace_id, old_id)
);

create table profile_history (
  id bigint generated always as identity primary key,
  workspace_id text not null,
  profile_id text not null,
  kind text not null,
  details jsonb not null,
  at timestamptz not null default now()
);
create index profile_history_profile_idx on profile_history (workspace_id, profile_id, id);

-- The feed of profile changes (created, merged, split, traits) that segments and syncs consume.
create table profile_changes (
  seq bigint generated always as identity primary key,
  workspace_id text not null,
  kind text not null,
  profile_id text not null,
  payload jsonb not null,
  at timestamptz not null default now()
);
create index profile_changes_workspace_idx on profile_changes (workspace_id, seq);

-- Data-quality counters per source and day (invalid phones and emails, junk and missing ids).
create table data_quality_stats (
  workspace_id text not null,
  source_id text not null,
  day date not null,
  metric text not null,
  count integer not null default 0,
  primary key (source_id, day, metric)
);
create index data_quality_stats_workspace_idx on data_quality_stats (workspace_id, day);

-- A profile's timeline: its events by user id and anonymous id.
create index events_user_idx on events (workspace_id, user_id, "timestamp") where user_id is not null;
create index events_anonymous_idx on events (workspace_id, anonymous_id, "timestamp") where anonymous_id is not null;
