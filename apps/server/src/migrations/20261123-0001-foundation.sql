-- Workspaces, admin users, sessions, API tokens.
create table workspaces (
  id text primary key,
  name text not null,
  created_at timestamptz not null default now()
);
insert into workspaces (id, name) values ('ws_default', 'Default');

create table users (
  id text primary key,
  workspace_id text not null references workspaces (id),
  email text not null,
  password_hash text not null,
  role text not null,
  created_at timestamptz not null default now(),
  disabled_at timestamptz
);
create unique index users_email_key on users (lower(email));

create table sessions (
  id_hash text primary key,
  user_id text not null references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  ip text,
  user_agent text
);
create index sessions_expires_at_idx on sessions (expires_at);

create table api_tokens (
  id text primary key,
  workspace_id text not null references workspaces (id),
  name text not null,
  token_hash text not null unique,
  role text not null,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);

create table login_failures (
  id bigint generated always as identity primary key,
  email text not null,
  ip text,
  at timestamptz not null default now()
);
create index login_failures_email_at_idx on login_failures (lower(email), at);
create index login_failures_ip_at_idx on login_failures (ip, at);
