import { writeFileSync } from 'node:fs';
import {
  CreateSourceBody,
  CreateTokenBody,
  type DeliveriesQuery,
  ReplayDeliveriesBody,
  ROLES,
  type Role,
  SOURCE_TYPES,
  type SourceType,
} from '@cdp/protocol';
import { Command, InvalidArgumentError, Option } from 'commander';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { z } from 'zod';
import { buildHttp, buildServices, openCore, type Services } from './app.ts';
import type { Database } from './database.ts';
import { registerImportCommand } from './import-file.command.ts';
import { handleSignals, printBanner, startServer } from './main.ts';
import { DEFAULT_WORKSPACE } from './modules/auth/index.ts';
import { type Config, loadConfig } from './platform/config.ts';
import type { DbHandle } from './platform/db/db-host.ts';
import { createLogger } from './platform/logger.ts';

const int = (name: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`${name} must be a whole number`);
  return n;
};

/** Checks command input with the API's own schema, so the CLI cannot store what the API would refuse. */
function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (i) => `${i.path.length ? `--${i.path.join('.')}: ` : ''}${i.message}`,
    );
    throw new InvalidArgumentError(problems.join('; '));
  }
  return parsed.data;
}

function out(json: boolean, data: unknown, text: string): void {
  process.stdout.write(json ? `${JSON.stringify(data, null, 2)}\n` : `${text}\n`);
}

/** Opens the database for one command (sharing a running embedded server), runs `fn`, closes. */
async function withCore<T>(fn: (services: Services, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const { handle, services } = await openCore(config, log, { shareRunning: true });
  try {
    return await fn(services, config);
  } finally {
    await handle.close();
  }
}

export function buildCli(): Command {
  const program = new Command('cdp').description('Customer Data Platform').showHelpAfterError();

  program
    .command('serve')
    .description('Start API, console and workers (embedded PGlite in ./data unless DATABASE_URL is set)')
    .action(async () => {
      const config = loadConfig();
      const log = createLogger(config.LOG_LEVEL);
      const server = await startServer(config, log);
      printBanner(server, config);
      handleSignals(server, log);
    });

  program
    .command('migrate')
    .description('Apply database migrations')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      await withCore(async () => undefined);
      out(!!opts.json, { ok: true }, 'Database schema is up to date.');
    });

  const sources = program.command('sources').description('Manage sources');
  sources
    .command('create')
    .requiredOption('--name <name>', 'display name')
    .addOption(new Option('--type <type>', 'source type').choices(SOURCE_TYPES).makeOptionMandatory())
    .option('--json', 'machine-readable output')
    .action(async (opts: { name: string; type: SourceType; json?: boolean }) => {
      const body = parseInput(CreateSourceBody, { name: opts.name, type: opts.type });
      const source = await withCore((s) => s.sources.create(DEFAULT_WORKSPACE, body));
      out(
        !!opts.json,
        source,
        `Created source ${source.id} "${source.name}" (${source.type})\nWrite key: ${source.writeKey}`,
      );
    });
  sources
    .command('list')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      const list = await withCore((s) => s.sources.list(DEFAULT_WORKSPACE));
      out(
        !!opts.json,
        list,
        list
          .map(
            (s) =>
              `${s.id}  ${s.type.padEnd(11)} ${s.enabled ? 'enabled ' : 'disabled'}  ${s.writeKey}  ${s.name}`,
          )
          .join('\n'),
      );
    });

  program
    .command('tokens')
    .description('Admin API tokens')
    .command('create')
    .requiredOption('--name <name>', 'what the token is for')
    .option('--json', 'machine-readable output')
    .action(async (opts: { name: string; json?: boolean }) => {
      const { name } = parseInput(CreateTokenBody, { name: opts.name });
      const token = await withCore((s) => s.auth.createToken(name));
      out(!!opts.json, token, `Created token ${token.id} "${token.name}" (shown once):\n${token.token}`);
    });

  const destinations = program.command('destinations').description('Destinations and their deliveries');
  destinations
    .command('list')
    .description('Destinations with their delivery overview')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      const rows = await withCore(async (s) => {
        const { items } = await s.destinations.list(DEFAULT_WORKSPACE);
        return Promise.all(
          items.map(async (d) => ({ ...d, metrics: await s.destinations.metrics(DEFAULT_WORKSPACE, d.id) })),
        );
      });
      out(
        !!opts.json,
        rows,
        rows
          .map(
            (d) =>
              `${d.id}  ${d.type.padEnd(15)} ${d.enabled ? 'enabled ' : 'disabled'}  delivered ${d.metrics.delivered}  retrying ${d.metrics.retrying}  dead ${d.metrics.dead}  ${d.name}`,
          )
          .join('\n'),
      );
    });
  destinations
    .command('deliveries <destinationId>')
    .description('Deliveries of a destination, newest first (--status dead: the dead-letter list)')
    .addOption(
      new Option('--status <status>', 'only these').choices([
        'pending',
        'retrying',
        'sending',
        'delivered',
        'skipped',
        'suppressed',
        'dead',
      ]),
    )
    .option('--limit <n>', 'how many', int('limit'), 50)
    .option('--json', 'machine-readable output')
    .action(
      async (
        destinationId: string,
        opts: { status?: DeliveriesQuery['status']; limit: number; json?: boolean },
      ) => {
        const page = await withCore((s) =>
          s.destinations.deliveries(DEFAULT_WORKSPACE, destinationId, {
            status: opts.status,
            limit: opts.limit,
          }),
        );
        out(
          !!opts.json,
          page.items,
          page.items
            .map(
              (d) =>
                `${d.id}  ${d.createdAt}  ${d.kind.padEnd(15)} ${d.status.padEnd(10)} attempts ${d.attempts}  ${d.messageId}${d.lastError ? `  ${d.lastError}` : ''}`,
            )
            .join('\n'),
        );
      },
    );
  destinations
    .command('replay <destinationId>')
    .description('Queue dead deliveries (or --id …) again, with the same idempotency keys')
    .option('--id <ids...>', 'delivery ids')
    .addOption(
      new Option('--status <status>', 'all of this status').choices(['dead', 'skipped', 'suppressed']),
    )
    .option('--json', 'machine-readable output')
    .action(async (destinationId: string, opts: { id?: string[]; status?: 'dead'; json?: boolean }) => {
      const body = parseInput(
        ReplayDeliveriesBody,
        opts.id ? { ids: opts.id } : { status: opts.status ?? 'dead' },
      );
      const result = await withCore((s) => s.destinations.replay(DEFAULT_WORKSPACE, destinationId, body));
      out(!!opts.json, result, `Queued ${result.replayed} deliveries again`);
    });

  program
    .command('users')
    .description('Console users')
    .command('create')
    .requiredOption('--email <email>', 'login email')
    .requiredOption('--password <password>', 'password (min 8 characters)')
    .addOption(new Option('--role <role>', 'role').choices(ROLES).default('admin'))
    .option('--json', 'machine-readable output')
    .action(async (opts: { email: string; password: string; role: Role; json?: boolean }) => {
      if (opts.password.length < 8)
        throw new InvalidArgumentError('password must have at least 8 characters');
      const { user, created } = await withCore((s) =>
        s.auth.upsertUser(opts.email, opts.password, opts.role),
      );
      out(
        !!opts.json,
        { ...user, created },
        `${created ? 'Created' : 'Updated'} user ${user.email} (${user.role})`,
      );
    });

  program
    .command('demo')
    .description('Fill a realistic demo data set of a Chinese retail brand')
    .option('--profiles <n>', 'number of customers (1000 … 1000000)', int('profiles'), 1000)
    .option('--seed <n>', 'random seed (same seed, same data)', int('seed'), 42)
    .option('--days <n>', 'days of history', int('days'), 90)
    .option('--json', 'machine-readable output')
    .action(async (opts: { profiles: number; seed: number; days: number; json?: boolean }) => {
      const { runDemo } = await import('./demo/run-demo.ts');
      const summary = await withCore((s) => runDemo(s, { ...opts, progress: !opts.json }));
      out(
        !!opts.json,
        summary,
        `Demo data: ${summary.messages} messages for ${summary.profiles} customers in ${summary.seconds.toFixed(1)} s`,
      );
    });

  registerImportCommand(program, withCore);

  program
    .command('openapi')
    .description('Write the OpenAPI document (generated from the request schemas)')
    .option('--out <file>', 'output file (default: stdout)')
    .action(async (opts: { out?: string }) => {
      const text = await openApiDocument();
      if (opts.out) writeFileSync(opts.out, text);
      else process.stdout.write(text);
    });

  return program;
}

/** The OpenAPI document of every route, built without touching a database. */
export async function openApiDocument(): Promise<string> {
  const config = loadConfig({}, { DATABASE_URL: 'postgres://openapi.invalid/none' });
  const log = createLogger('silent');
  const pool = new pg.Pool({ connectionString: config.DATABASE_URL });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const handle: DbHandle<Database> = { kind: 'postgres', db, pool, close: () => db.destroy() };
  const app = await buildHttp(config, log, handle, buildServices(db, config, log));
  await app.http.ready();
  const doc = app.http.swagger();
  await app.http.close();
  await db.destroy();
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export async function runCli(argv: string[]): Promise<void> {
  try {
    await buildCli().parseAsync(argv);
  } catch (err) {
    process.stderr.write(`cdp: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
}
