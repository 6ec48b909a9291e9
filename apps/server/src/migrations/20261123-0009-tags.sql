-- The tag factory (标签工厂): a catalogue of categories and tags, value details, value history and
-- imported values. Current values stay in tag_values (0007); this adds RFM details to them.

create table tag_categories (
  workspace_id text not null,
  id text not null,
  name text not null,
  parent_id text,
  position int not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, id)
);
create unique index tag_categories_name_key on tag_categories (workspace_id, coalesce(parent_id, ''), name);

-- spec: the tag's kind and definition (protocol TagSpec); lineage: what it reads (for realtime skips,
-- dependency order and the catalogue's lineage view).
create table tags (
  workspace_id text not null,
  id text not null,
  name text not null,
  category_id text,
  owner text,
  description text not null default '',
  value_type text not null,
  spec jsonb not null,
  update_mode text not null,
  interval_minutes int,
  time_zone text not null,
  status text not null,
  lineage jsonb not null,
  last_computed_at timestamptz,
  created_at timestamptz not null default now(),
  created_by text,
  updated_at timestamptz not null default now(),
  updated_by text,
  primary key (workspace_id, id)
);
create unique index tags_name_key on tags (workspace_id, name);
create index tags_category_idx on tags (workspace_id, category_id);

-- RFM: raw recency/frequency/monetary and their scores beside the group name.
alter table tag_values add column details jsonb;
create index tag_values_tag_value_idx on tag_values (workspace_id, tag_id, value, profile_id);

-- Every value a profile held: valid_from <= D < coalesce(valid_to, 'infinity') answers "as of D".
-- At most one open row (valid_to is null) per tag and profile, kept by the per-tag transaction lock.
create table tag_value_history (
  id bigint generated always as identity primary key,
  workspace_id text not null,
  tag_id text not null,
  profile_id text not null,
  value jsonb not null,
  valid_from timestamptz not null,
  valid_to timestamptz
);
create index tag_value_history_open_idx on tag_value_history (workspace_id, tag_id, profile_id)
  where valid_to is null;
create index tag_value_history_tag_idx on tag_value_history (workspace_id, tag_id, valid_from);
create index tag_value_history_profile_idx on tag_value_history (workspace_id, profile_id, valid_from);

-- Uploaded values of imported tags, by identifier key: resolved to today's profile at each compute,
-- so a merge or split never loses them. seq orders uploads (the latest wins within one profile).
create table tag_import_rows (
  workspace_id text not null,
  tag_id text not null,
  key text not null,
  value jsonb not null,
  seq bigint not null,
  primary key (workspace_id, tag_id, key)
);
