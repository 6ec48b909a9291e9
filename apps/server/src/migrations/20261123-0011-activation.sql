-- Activation: destinations (where data goes), syncs (what goes there), and the delivery outbox.

-- A destination: a type (webhook, email, sms, …), its config, and its secrets kept apart (write-only
-- in the API), the purposes it serves (consent is checked against them at delivery time), and the
-- limits its worker respects.
create table destinations (
  workspace_id text not null,
  id text not null,
  name text not null,
  type text not null,
  config jsonb not null default '{}',
  secrets jsonb not null default '{}',
  purposes text[] not null default '{}',
  enabled boolean not null default true,
  disabled_reason text,
  concurrency integer not null default 10,
  rate_per_second integer,
  retry_hours real not null default 4,
  version integer not null default 1,
  created_by text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, id)
);

-- A sync: events (forwarded in real time, or exported on a schedule) or an audience (each enter and
-- exit in real time, or full/incremental snapshots on a schedule) to one destination.
create table syncs (
  workspace_id text not null,
  id text not null,
  name text not null,
  destination_id text not null,
  kind text not null,
  mode text not null,
  audience_id text,
  -- events: sources and event matches (the definition language's EventMatch) that select events
  filter jsonb not null default '{}',
  -- events: [{ to, from }] paths building the payload; empty = the event as it is
  mapping jsonb not null default '[]',
  schedule text,
  enabled boolean not null default true,
  -- scheduled audience syncs: the last audience_changes seq sent; event exports: last event id sent
  cursor bigint,
  last_run_at timestamptz,
  next_run_at timestamptz,
  created_by text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, id)
);
create index syncs_audience_idx on syncs (workspace_id, audience_id) where kind = 'audience';
create index syncs_due_idx on syncs (next_run_at) where enabled and next_run_at is not null;

-- The outbox and ledger: one row per (destination, message), written in the transaction of the change
-- that caused it. `message_id` is the idempotency key sent to the peer. Status: pending (queued or
-- waiting for a retry) → sending (leased by a worker until `lease_until`) → delivered | skipped
-- (nothing to send) | suppressed (consent) | dead (dead-letter list, replayable).
create table deliveries (
  id bigint generated always as identity primary key,
  workspace_id text not null,
  destination_id text not null,
  sync_id text,
  message_id text collate "C" not null,
  kind text not null,
  event_id bigint,
  profile_id text,
  audience_id text,
  change text,
  at timestamptz not null,
  payload jsonb not null default '{}',
  status text not null default 'pending',
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  lease_until timestamptz,
  -- retries give up `retry_hours` after this (reset by a replay)
  retry_since timestamptz not null default now(),
  last_error text,
  last_status integer,
  duration_ms integer,
  created_at timestamptz not null default now(),
  finished_at timestamptz,
  unique (destination_id, message_id)
);
create index deliveries_due_idx on deliveries (destination_id, next_attempt_at, id) where status = 'pending';
create index deliveries_leased_idx on deliveries (lease_until) where status = 'sending';
create index deliveries_list_idx on deliveries (workspace_id, destination_id, status, id desc);
create index deliveries_finished_idx on deliveries (destination_id, finished_at) where finished_at is not null;

-- Every enter and exit of an audience with a real-time sync becomes a delivery in the same statement
-- that records it (whichever path records it: the pipeline, a split, a recomputation).
create function enqueue_audience_deliveries() returns trigger language plpgsql as $$
begin
  insert into deliveries (workspace_id, destination_id, sync_id, message_id, kind, profile_id, audience_id, change, at)
  select n.workspace_id, s.destination_id, s.id, s.id || ':' || n.seq, 'audience_change',
         n.profile_id, n.audience_id, n.change, n.at
    from new_rows n
    join syncs s on s.workspace_id = n.workspace_id and s.audience_id = n.audience_id
   where s.kind = 'audience' and s.mode = 'realtime' and s.enabled
  on conflict do nothing;
  return null;
end
$$;
create trigger audience_changes_outbox after insert on audience_changes
  referencing new table as new_rows for each statement execute function enqueue_audience_deliveries();

-- Consent per purpose: `{ "marketing": { "granted": false, "at": "…", "source": "…" } }`. Written by
-- the compliance step; activation reads it before every delivery.
alter table profiles add column consent jsonb not null default '{}';
