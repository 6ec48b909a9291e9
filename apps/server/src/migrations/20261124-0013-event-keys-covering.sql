-- Each event's type, name and time are facts of the event that never change; `event_keys` carries
-- them in the leaf entries of its primary key, so the events of a person are filtered by name and
-- window inside the index (an index-only scan) and the `events` heap is read only for events whose
-- properties a condition reads. Real-time audience evaluation loads people this way.
create table event_keys_covering (
  workspace_id text not null,
  key text collate "C" not null,
  event_id bigint not null,
  type text not null,
  event text,
  "timestamp" timestamptz not null
);
insert into event_keys_covering (workspace_id, key, event_id, type, event, "timestamp")
select k.workspace_id, k.key, k.event_id, e.type, e.event, e."timestamp"
  from event_keys k join events e on e.id = k.event_id
 order by k.workspace_id, k.key, k.event_id;

drop view profile_events;
drop table event_keys;
alter table event_keys_covering rename to event_keys;
alter table event_keys add constraint event_keys_pkey
  primary key (workspace_id, key, event_id) include (type, event, "timestamp");

-- Events with the profile they belong to now: what tags, audiences and journeys evaluate.
create view profile_events as
select k.workspace_id, n.profile_id, k.event_id, k.type, k.event, k."timestamp", e.source_id,
       e.properties
  from event_keys k
  join identity_nodes n on n.workspace_id = k.workspace_id and n.key = k.key
  join events e on e.id = k.event_id;

-- a new table has no statistics until autovacuum comes by: plan with them from the start
analyze event_keys;
