import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CreatedToken, Me, Source } from '@cdp/protocol';
import { createClient } from '@cdp/sdk';
import { sql } from 'kysely';
import { MIGRATIONS_DIR } from '../src/app.ts';
import type { Database } from '../src/database.ts';
import { openDatabase } from '../src/platform/db/db-host.ts';
import { type Backend, backends, freshDatabase } from './support/backends.ts';
import { cdp, json } from './support/cdp-cli.ts';
import { type ChildServer, spawnServer } from './support/child-server.ts';

async function stopChild(server: ChildServer): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 15_000);
  await server.exited;
  clearTimeout(timer);
}

/** A database the CLI has never seen: an empty data directory, or an empty PostgreSQL database. */
async function emptyDatabase(
  backend: Backend,
): Promise<{ env: Record<string, string>; dataDir: string; drop(): Promise<void> }> {
  if (backend === 'postgres') return freshDatabase('postgres');
  const dataDir = mkdtempSync(join(tmpdir(), 'cdp-cli-'));
  return {
    env: { CDP_DATA_DIR: dataDir, DATABASE_URL: '' },
    dataDir,
    drop: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

for (const backend of backends()) {
  describe(`cdp CLI (${backend})`, { timeout: 300_000 }, () => {
    let db: Awaited<ReturnType<typeof emptyDatabase>>;
    const children: ChildServer[] = [];
    let posSource: Source;
    let token: CreatedToken;

    before(async () => {
      db = await emptyDatabase(backend);
    });
    after(async () => {
      for (const c of children) await stopChild(c);
      await db.drop();
    });

    it('migrate --json creates the schema and is idempotent', async () => {
      const first = json<{ ok: boolean }>(await cdp(['migrate', '--json'], db.env), 'first migrate');
      assert.deepEqual(first, { ok: true });
      const second = json<{ ok: boolean }>(await cdp(['migrate', '--json'], db.env), 'second migrate');
      assert.deepEqual(second, { ok: true });
      const handle = await openDatabase<Database>({
        databaseUrl: db.env.DATABASE_URL || undefined,
        dataDir: db.dataDir,
        poolSize: 1,
      });
      try {
        const { rows } = await sql<{
          name: string;
        }>`select name from schema_migrations order by name`.execute(handle.db);
        const files = readdirSync(MIGRATIONS_DIR)
          .filter((f) => f.endsWith('.sql'))
          .map((f) => f.replace(/\.sql$/, ''))
          .sort();
        assert.deepEqual(
          rows.map((r) => r.name),
          files,
          'every migration applied exactly once',
        );
        const { rows: tables } = await sql<{ n: number }>`select count(*)::int as n from sources`.execute(
          handle.db,
        );
        assert.equal(tables[0].n, 0);
      } finally {
        await handle.close();
      }
    });

    it('sources create / list --json', async () => {
      posSource = json<Source>(
        await cdp(['sources', 'create', '--name', 'Store POS', '--type', 'pos', '--json'], db.env),
        'sources create',
      );
      assert.match(posSource.id, /^src_/);
      assert.equal(posSource.name, 'Store POS');
      assert.equal(posSource.type, 'pos');
      assert.equal(posSource.enabled, true);
      assert.ok(typeof posSource.writeKey === 'string' && posSource.writeKey.length >= 20, 'a write key');
      const list = json<Source[]>(await cdp(['sources', 'list', '--json'], db.env), 'sources list');
      assert.deepEqual(list, [posSource]);
      const text = await cdp(['sources', 'list'], db.env);
      assert.equal(text.code, 0);
      assert.match(
        text.stdout,
        new RegExp(`${posSource.id}\\s+pos\\s+enabled\\s+${posSource.writeKey}\\s+Store POS`),
      );
    });

    it('tokens create and users create --json', async () => {
      token = json<CreatedToken>(
        await cdp(['tokens', 'create', '--name', 'ci', '--json'], db.env),
        'tokens create',
      );
      assert.match(token.id, /^tok_/);
      assert.equal(token.name, 'ci');
      assert.match(token.token, /^cdp_.{20,}/);

      const args = [
        'users',
        'create',
        '--email',
        'ops@test.local',
        '--password',
        'ops-password-1',
        '--role',
        'admin',
        '--json',
      ];
      const user = json<Me & { created: boolean }>(await cdp(args, db.env), 'users create');
      assert.match(user.id, /^usr_/);
      assert.equal(user.email, 'ops@test.local');
      assert.equal(user.role, 'admin');
      assert.equal(user.created, true);
      // Again: the same user, updated (password reset, role changed).
      const again = json<Me & { created: boolean }>(
        await cdp(
          [
            'users',
            'create',
            '--email',
            'ops@test.local',
            '--password',
            'ops-password-2',
            '--role',
            'analyst',
            '--json',
          ],
          db.env,
        ),
        'users create again',
      );
      assert.equal(again.id, user.id);
      assert.equal(again.created, false);
      assert.equal(again.role, 'analyst');
    });

    it('refuses bad input with a clear message and a non-zero exit code', async () => {
      const [badType, blankName, longToken, shortPassword, badRole, noName] = await Promise.all([
        cdp(['sources', 'create', '--name', 'x', '--type', 'nope'], db.env),
        cdp(['sources', 'create', '--name', '   ', '--type', 'web'], db.env),
        cdp(['tokens', 'create', '--name', 'x'.repeat(101)], db.env),
        cdp(['users', 'create', '--email', 'a@test.local', '--password', 'short'], db.env),
        cdp(
          ['users', 'create', '--email', 'a@test.local', '--password', 'long-enough', '--role', 'god'],
          db.env,
        ),
        cdp(['sources', 'create', '--type', 'web'], db.env),
      ]);
      assert.notEqual(badType.code, 0);
      assert.match(badType.stderr, /'nope' is invalid/);
      assert.match(badType.stderr, /web, app, server, miniprogram, crm, pos/);
      assert.notEqual(blankName.code, 0);
      assert.match(blankName.stderr, /--name/);
      assert.notEqual(longToken.code, 0);
      assert.match(longToken.stderr, /--name.*100/);
      assert.notEqual(shortPassword.code, 0);
      assert.match(shortPassword.stderr, /at least 8 characters/);
      assert.notEqual(badRole.code, 0);
      assert.match(badRole.stderr, /'god' is invalid/);
      assert.notEqual(noName.code, 0);
      assert.match(noName.stderr, /--name/);
      for (const r of [badType, blankName, longToken, shortPassword, badRole, noName])
        assert.equal(r.stdout, '', 'nothing on stdout');

      const list = json<Source[]>(await cdp(['sources', 'list', '--json'], db.env), 'sources list');
      assert.deepEqual(
        list.map((s) => s.id),
        [posSource.id],
        'refused commands created nothing',
      );
    });

    it('cdp serve refuses a bad configuration variable, naming it', async () => {
      const run = await cdp(['serve'], { ...db.env, PORT: 'abc', HOST: '127.0.0.1' }, 30_000);
      assert.notEqual(run.code, 0);
      assert.equal(run.code, 1, `exits 1, not killed:\n${run.stdout}\n${run.stderr}`);
      assert.match(run.stderr, /Invalid configuration/);
      assert.match(run.stderr, /\bPORT\b/);
      assert.doesNotMatch(run.stdout, /Console:/, 'the server did not start');
    });

    it('serves the data the CLI wrote; with a running server the CLI keeps working', async () => {
      const server = await spawnServer(db.env);
      children.push(server);
      assert.match(server.output(), /Console:\s+http:\/\//);
      // The token and the user made by the CLI work against the server.
      const api = createClient({ baseUrl: server.url, token: token.token });
      assert.deepEqual(
        (await api.sources.list()).items.map((s) => s.id),
        [posSource.id],
      );
      assert.equal(server.writeKey, posSource.writeKey, 'the CLI source is the default source');
      const login = await fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'ops@test.local', password: 'ops-password-2' }),
      });
      assert.equal(login.status, 200, 'the password set by the last users create works');
      assert.equal(((await login.json()) as Me).role, 'analyst');

      // While it runs (for embedded: over the running server's socket).
      const live = json<Source>(
        await cdp(['sources', 'create', '--name', 'Live', '--type', 'web', '--json'], db.env),
        'sources create while serving',
      );
      assert.equal(live.name, 'Live');
      assert.deepEqual(
        (await api.sources.list()).items.map((s) => s.id),
        [posSource.id, live.id],
        'the server sees the new source at once',
      );
      const track = await fetch(`${server.url}/v1/track`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Basic ${Buffer.from(`${live.writeKey}:`).toString('base64')}`,
        },
        body: JSON.stringify({ userId: 'u1', event: 'Live Test', messageId: 'live-1' }),
      });
      assert.equal(track.status, 200, 'the new write key works');
      const list = json<Source[]>(
        await cdp(['sources', 'list', '--json'], db.env),
        'sources list while serving',
      );
      assert.deepEqual(
        list.map((s) => s.name),
        ['Store POS', 'Live'],
      );
      assert.deepEqual(
        json<{ ok: boolean }>(await cdp(['migrate', '--json'], db.env), 'migrate while serving'),
        { ok: true },
      );
      assert.equal((await fetch(`${server.url}/api/v1/health`)).status, 200, 'the server still answers');
    });

    if (backend === 'embedded') {
      it('refuses a second cdp serve on the same data directory', async () => {
        const running = children[0];
        assert.ok(running && running.child.exitCode === null, 'a server is running');
        const second = await cdp(['serve'], { ...db.env, PORT: '0', HOST: '127.0.0.1' }, 30_000);
        assert.equal(second.code, 1, `second serve exits 1:\n${second.stdout}\n${second.stderr}`);
        assert.match(second.stderr, new RegExp(`locked by pid ${running.child.pid}\\b`));
        assert.doesNotMatch(second.stdout, /Console:/);
        assert.equal(
          (await fetch(`${running.url}/api/v1/health`)).status,
          200,
          'the first server is unharmed',
        );
      });
    }
  });
}
