-- Journeys (营销自动化): a draft definition, immutable published versions, one state per person
-- walking a journey, a log of every step reached, and the workspace's contact policy.
create table journeys (
  workspace_id text not null,
  id text not null,
  name text not null,
  description text,
  status text not null default 'draft',
  priority integer not null default 100,
  -- the draft being edited
  definition jsonb not null,
  published_version integer,
  -- audience entries: the last audience_changes seq admitted
  entry_cursor bigint,
  created_by text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, id)
);

-- What people in flight follow: editing a running journey publishes a new version, and each person
-- finishes the version they entered.
create table journey_versions (
  workspace_id text not null,
  journey_id text not null,
  version integer not null,
  definition jsonb not null,
  published_at timestamptz not null default now(),
  primary key (workspace_id, journey_id, version)
);

-- One person in one journey: the group (an A/B branch, `all`, or `control` — the holdout, never
-- messaged), the step they are at, when to look at them again, and the goal's outcome.
create table journey_states (
  workspace_id text not null,
  journey_id text not null,
  profile_id text not null,
  version integer not null,
  grp text not null,
  step_id text,
  status text not null default 'active',
  visits integer not null default 0,
  wake_at timestamptz,
  waiting_since timestamptz,
  reached boolean not null default false,
  entered_at timestamptz not null default now(),
  finished_at timestamptz,
  goal_deadline timestamptz,
  goal_checked_at timestamptz,
  converted_at timestamptz,
  revenue numeric not null default 0,
  primary key (workspace_id, journey_id, profile_id)
);
create index journey_states_due_idx on journey_states (wake_at) where status = 'active';
-- people waiting for an event are woken by the pipeline when their events arrive
create index journey_states_profile_idx on journey_states (workspace_id, profile_id) where status = 'active';
create index journey_states_goal_idx on journey_states (journey_id, goal_deadline) where converted_at is null and goal_deadline is not null;

-- Every step a person reached and what happened there (sent, capped, quiet, yes/no, branch …).
create table journey_step_log (
  id bigint generated always as identity primary key,
  workspace_id text not null,
  journey_id text not null,
  version integer not null,
  step_id text not null,
  profile_id text not null,
  outcome text not null,
  at timestamptz not null default now()
);
create index journey_step_log_idx on journey_step_log (workspace_id, journey_id, step_id);

-- People who did an event that enters a journey, queued by the pipeline in the transaction that
-- applied the event.
create table journey_inbox (
  id bigint generated always as identity primary key,
  workspace_id text not null,
  journey_id text not null,
  profile_id text not null,
  at timestamptz not null
);

-- Trait and tag updates decided by a step, done after the step's transaction (idempotent keys).
create table journey_actions (
  id bigint generated always as identity primary key,
  workspace_id text not null,
  journey_id text not null,
  profile_id text not null,
  key text not null unique,
  action jsonb not null,
  attempts integer not null default 0,
  last_error text,
  created_at timestamptz not null default now()
);

create table contact_policies (
  workspace_id text primary key,
  policy jsonb not null,
  updated_at timestamptz not null default now()
);
