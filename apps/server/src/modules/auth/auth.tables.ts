import type { ColumnType, Generated, Selectable } from 'kysely';

export interface UsersTable {
  id: string;
  workspace_id: string;
  email: string;
  password_hash: string;
  role: string;
  created_at: ColumnType<Date, Date | undefined, never>;
  disabled_at: Date | null;
}
export type UserRow = Selectable<UsersTable>;

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  created_at: ColumnType<Date, Date | undefined, never>;
  expires_at: Date;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: string;
  workspace_id: string;
  name: string;
  token_hash: string;
  role: string;
  created_at: ColumnType<Date, Date | undefined, never>;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export interface LoginFailuresTable {
  id: Generated<string>;
  email: string;
  ip: string | null;
  at: ColumnType<Date, Date | undefined, never>;
}

export interface AuthTables {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_failures: LoginFailuresTable;
}
