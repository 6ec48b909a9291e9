-- Foundations of tags and audiences: each event with its current profile, tag values, members.
-- Every event the pipeline applied is indexed under its head identifier (its highest-priority
-- identifier), not only the events that carry no user or anonymous id: through the identity graph
-- that gives each event its current profile without rewriting events on merges and splits.
insert into event_keys (workspace_id, key, event_id)
select e.workspace_id, n.key, e.id
  from events e
  cross join lateral (
    select n.key from identity_nodes n
     where n.workspace_id = e.workspace_id
       and n.key in ('user_id:' || e.user_id, 'anonymous_id:' || e.anonymous_id)
     order by n.type = 'user_id' desc
     limit 1) n
on conflict do nothing;

-- Events with the profile they belong to now: what tags, audiences and journeys evaluate.
create view profile_events as
select k.workspace_id, n.profile_id, e.id as event_id, e.type, e.event, e."timestamp", e.source_id,
       e.properties
  from event_keys k
  join identity_nodes n on n.workspace_id = k.workspace_id and n.key = k.key
  join events e on e.id = k.event_id;

-- Current tag values per profile (rule tags: true/false or one of N values; computed traits: a
-- number, text or time; RFM and lifecycle: the group's name).
create table tag_values (
  workspace_id text not null,
  tag_id text not null,
  profile_id text not null,
  value jsonb not null,
  updated_at timestamptz not null default now(),
  primary key (workspace_id, tag_id, profile_id)
);
create index tag_values_profile_idx on tag_values (workspace_id, profile_id);

-- Current members of each audience.
create table audience_members (
  workspace_id text not null,
  audience_id text not null,
  profile_id text not null,
  entered_at timestamptz not null,
  primary key (workspace_id, audience_id, profile_id)
);
create index audience_members_profile_idx on audience_members (workspace_id, profile_id);
