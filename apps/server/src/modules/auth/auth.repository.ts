import { type Kysely, sql } from 'kysely';
import type { AuthTables, UserRow } from './auth.tables.ts';

export class AuthRepository {
  constructor(private readonly db: Kysely<AuthTables>) {}

  userByEmail(email: string): Promise<UserRow | undefined> {
    return this.db
      .selectFrom('users')
      .selectAll()
      .where(sql`lower(email)`, '=', email.toLowerCase())
      .where('disabled_at', 'is', null)
      .executeTakeFirst();
  }

  userById(id: string): Promise<UserRow | undefined> {
    return this.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', id)
      .where('disabled_at', 'is', null)
      .executeTakeFirst();
  }

  async countUsers(): Promise<number> {
    const row = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async insertUser(
    row: Pick<UserRow, 'id' | 'workspace_id' | 'email' | 'password_hash' | 'role'>,
  ): Promise<UserRow> {
    return this.db.insertInto('users').values(row).returningAll().executeTakeFirstOrThrow();
  }

  async setPassword(id: string, passwordHash: string, role: string): Promise<void> {
    await this.db
      .updateTable('users')
      .set({ password_hash: passwordHash, role })
      .where('id', '=', id)
      .execute();
  }

  async insertSession(row: {
    id_hash: string;
    user_id: string;
    expires_at: Date;
    ip: string | null;
    user_agent: string | null;
  }) {
    await this.db.insertInto('sessions').values(row).execute();
  }

  async sessionUser(idHash: string): Promise<UserRow | undefined> {
    return this.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .selectAll('users')
      .where('sessions.id_hash', '=', idHash)
      .where('sessions.expires_at', '>', new Date())
      .where('users.disabled_at', 'is', null)
      .executeTakeFirst();
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
  }

  async deleteExpiredSessions(): Promise<void> {
    await this.db.deleteFrom('sessions').where('expires_at', '<', new Date()).execute();
  }

  async insertToken(row: {
    id: string;
    workspace_id: string;
    name: string;
    token_hash: string;
    role: string;
  }) {
    await this.db.insertInto('api_tokens').values(row).execute();
  }

  tokenByHash(tokenHash: string) {
    return this.db
      .updateTable('api_tokens')
      .set({ last_used_at: new Date() })
      .where('token_hash', '=', tokenHash)
      .where('revoked_at', 'is', null)
      .returning(['id', 'workspace_id', 'role', 'name'])
      .executeTakeFirst();
  }

  /** Records a login attempt as a failure; returns its id (attempts are numbered in arrival order). */
  async recordFailure(email: string, ip: string | null): Promise<string> {
    const row = await this.db
      .insertInto('login_failures')
      .values({ email: email.toLowerCase(), ip })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async deleteFailure(id: string): Promise<void> {
    await this.db.deleteFrom('login_failures').where('id', '=', id).execute();
  }

  /** Failures since `since` recorded before attempt `beforeId`, for the email and the IP, and the oldest of each. */
  async failures(email: string, ip: string | null, since: Date, beforeId: string) {
    const byEmail = await this.db
      .selectFrom('login_failures')
      .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.min('at').as('oldest')])
      .where(sql`lower(email)`, '=', email.toLowerCase())
      .where('at', '>', since)
      .where('id', '<', beforeId)
      .executeTakeFirstOrThrow();
    const byIp = ip
      ? await this.db
          .selectFrom('login_failures')
          .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.min('at').as('oldest')])
          .where('ip', '=', ip)
          .where('at', '>', since)
          .where('id', '<', beforeId)
          .executeTakeFirstOrThrow()
      : { n: '0', oldest: null };
    return {
      email: { count: Number(byEmail.n), oldest: byEmail.oldest as Date | null },
      ip: { count: Number(byIp.n), oldest: byIp.oldest as Date | null },
    };
  }

  async clearFailures(email: string): Promise<void> {
    await this.db.deleteFrom('login_failures').where(sql`lower(email)`, '=', email.toLowerCase()).execute();
  }
}
