-- Probabilistic matching: what evidence of kind `probabilistic` (or a reviewer's decision) carried,
-- and the review queue of pairs scored between the auto-merge threshold and the review threshold.
alter table identity_observations add column details jsonb;

create table identity_match_candidates (
  id text primary key,
  workspace_id text not null,
  left_key text collate "C" not null,
  right_key text collate "C" not null,
  left_profile text not null,
  right_profile text not null,
  probability double precision not null,
  score double precision not null,
  explanation jsonb not null,
  status text not null default 'pending',
  decided_by text,
  decided_at timestamptz,
  created_at timestamptz not null default now(),
  unique (workspace_id, left_key, right_key)
);
create index identity_match_candidates_status_idx on identity_match_candidates (workspace_id, status, probability desc);
