import { createHash } from 'node:crypto';
import type { Me, Role } from '@cdp/protocol';
import type { Kysely } from 'kysely';
import { newId, newSecret } from '../../platform/ids.ts';
import { emailTaken, invalidCredentials, tooManyAttempts } from './auth.errors.ts';
import { AuthRepository } from './auth.repository.ts';
import type { AuthTables, UserRow } from './auth.tables.ts';
import { hashPassword, verifyDummy, verifyPassword } from './passwords.ts';

/** Who is calling the admin API. */
export interface Principal {
  readonly kind: 'user' | 'token';
  readonly id: string;
  readonly workspaceId: string;
  readonly role: Role;
  readonly email: string | null;
}

export const DEFAULT_WORKSPACE = 'ws_default';
const TOKEN_CACHE_MS = 10_000;

/** Brute-force policy: per account and per IP, within a sliding window. */
export const LOGIN_LIMITS = { windowMs: 15 * 60_000, perEmail: 5, perIp: 50 } as const;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

function toMe(user: UserRow): Me {
  return { id: user.id, email: user.email, role: user.role as Role, workspaceId: user.workspace_id };
}

export class AuthService {
  private readonly repo: AuthRepository;
  private readonly tokenCache = new Map<string, { principal: Principal; until: number }>();

  constructor(
    db: Kysely<AuthTables>,
    private readonly sessionTtlHours: number,
  ) {
    this.repo = new AuthRepository(db);
  }

  async createUser(
    email: string,
    password: string,
    role: Role,
    workspaceId = DEFAULT_WORKSPACE,
  ): Promise<Me> {
    if (await this.repo.userByEmail(email)) throw emailTaken(email);
    const user = await this.repo.insertUser({
      id: newId('usr'),
      workspace_id: workspaceId,
      email: email.trim(),
      password_hash: await hashPassword(password),
      role,
    });
    return toMe(user);
  }

  /** Creates the user or, when the email exists, resets its password and role. */
  async upsertUser(email: string, password: string, role: Role): Promise<{ user: Me; created: boolean }> {
    const existing = await this.repo.userByEmail(email);
    if (!existing) return { user: await this.createUser(email, password, role), created: true };
    await this.repo.setPassword(existing.id, await hashPassword(password), role);
    return { user: { ...toMe(existing), role }, created: false };
  }

  countUsers(): Promise<number> {
    return this.repo.countUsers();
  }

  /** Checks the password with brute-force limits; returns the session secret for the cookie. */
  async login(email: string, password: string, ip: string | null, userAgent: string | null) {
    const since = new Date(Date.now() - LOGIN_LIMITS.windowMs);
    // The attempt is recorded as a failure before the password is checked and only the attempts before it
    // count: concurrent guesses cannot all pass the limit while their checks are still running.
    const attempt = await this.repo.recordFailure(email, ip);
    const f = await this.repo.failures(email, ip, since, attempt);
    const blocked =
      f.email.count >= LOGIN_LIMITS.perEmail
        ? f.email.oldest
        : f.ip.count >= LOGIN_LIMITS.perIp
          ? f.ip.oldest
          : null;
    if (blocked) {
      await this.repo.deleteFailure(attempt);
      const retry = Math.max(1, Math.ceil((blocked.getTime() + LOGIN_LIMITS.windowMs - Date.now()) / 1000));
      throw tooManyAttempts(retry);
    }
    const user = await this.repo.userByEmail(email);
    let ok = false;
    if (user) ok = await verifyPassword(user.password_hash, password);
    else await verifyDummy(password);
    if (!user || !ok) throw invalidCredentials();
    await this.repo.clearFailures(email);
    const secret = newSecret(32);
    const expiresAt = new Date(Date.now() + this.sessionTtlHours * 3_600_000);
    await this.repo.insertSession({
      id_hash: sha256(secret),
      user_id: user.id,
      expires_at: expiresAt,
      ip,
      user_agent: userAgent,
    });
    return { secret, expiresAt, me: toMe(user) };
  }

  async logout(secret: string): Promise<void> {
    await this.repo.deleteSession(sha256(secret));
  }

  async principalFromSession(secret: string): Promise<Principal | null> {
    const user = await this.repo.sessionUser(sha256(secret));
    return user
      ? {
          kind: 'user',
          id: user.id,
          workspaceId: user.workspace_id,
          role: user.role as Role,
          email: user.email,
        }
      : null;
  }

  /**
   * The principal of an API token. Known tokens are remembered for TOKEN_CACHE_MS, so a busy
   * integration costs one lookup (and one `last_used_at` write) per token and interval, not per
   * request; a revoked token stops working within that interval.
   */
  async principalFromToken(token: string): Promise<Principal | null> {
    const hash = sha256(token);
    const now = Date.now();
    const cached = this.tokenCache.get(hash);
    if (cached && cached.until > now) return cached.principal;
    const row = await this.repo.tokenByHash(hash);
    if (!row) {
      this.tokenCache.delete(hash);
      return null;
    }
    const principal: Principal = {
      kind: 'token',
      id: row.id,
      workspaceId: row.workspace_id,
      role: row.role as Role,
      email: null,
    };
    if (this.tokenCache.size >= 10_000) this.tokenCache.clear();
    this.tokenCache.set(hash, { principal, until: now + TOKEN_CACHE_MS });
    return principal;
  }

  async me(principal: Principal): Promise<Me> {
    if (principal.kind === 'user') {
      const user = await this.repo.userById(principal.id);
      if (user) return toMe(user);
    }
    return {
      id: principal.id,
      email: principal.email ?? '',
      role: principal.role,
      workspaceId: principal.workspaceId,
    };
  }

  /** A new admin API token; only its hash is stored, the token is shown once. */
  async createToken(name: string, role: Role = 'admin', workspaceId = DEFAULT_WORKSPACE) {
    const id = newId('tok');
    const token = `cdp_${newSecret(32)}`;
    await this.repo.insertToken({ id, workspace_id: workspaceId, name, token_hash: sha256(token), role });
    return { id, name, token };
  }

  purgeExpiredSessions(): Promise<void> {
    return this.repo.deleteExpiredSessions();
  }
}
