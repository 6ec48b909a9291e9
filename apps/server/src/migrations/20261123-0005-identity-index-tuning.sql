-- Evidence by identifier through a btree instead of GIN: the component of new evidence looks up
-- thousands of identifiers at once, and a GIN `&&` with N search entries costs O(rows × N).
create table identity_observation_keys (
  workspace_id text not null,
  key text collate "C" not null,
  set_hash text not null,
  primary key (workspace_id, key, set_hash)
);
insert into identity_observation_keys (workspace_id, key, set_hash)
select workspace_id, unnest(keys), set_hash from identity_observations;
drop index identity_observations_keys_idx;

-- Events that name their person only by traits (file imports: a member number, a phone) have no
-- user id or anonymous id to find them by: the pipeline indexes them under their head identifier,
-- so a profile's timeline includes them.
create table event_keys (
  workspace_id text not null,
  key text collate "C" not null,
  event_id bigint not null,
  primary key (workspace_id, key, event_id)
);
