import type { Logger } from 'pino';
import { type App, createApp } from './app.ts';
import { type BootstrapResult, bootstrap } from './bootstrap.ts';
import type { Config } from './platform/config.ts';
import { hasAutovacuum, maintainTables } from './platform/db/analyze.ts';
import { WorkLoop } from './platform/jobs/work-loop.ts';

export interface RunningServer {
  readonly app: App;
  readonly url: string;
  readonly boot: BootstrapResult;
  stop(): Promise<void>;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Starts the product: API, console and (role worker/all) the profile pipeline, audience recomputations, deliveries, scheduled syncs, journeys and maintenance jobs. */
export async function startServer(config: Config, log: Logger): Promise<RunningServer> {
  const app = await createApp(config, log);
  const boot = await bootstrap(config, app.services);
  const address = await app.http.listen({ port: config.PORT, host: config.HOST });
  const port = new URL(address).port;
  const url = `http://localhost:${port}`;

  const timers: NodeJS.Timeout[] = [];
  let upkeep: WorkLoop | null = null;
  if (config.CDP_ROLE !== 'api') {
    app.services.pipeline.start();
    app.services.audienceRunner.start();
    app.services.deliveries.start();
    app.services.syncScheduler.start();
    app.services.journeyRunner.start();
    await app.services.importJobs.markInterrupted();
    const maintain = async () => {
      try {
        const purged = await app.services.ingest.purgeDedupe();
        await app.services.auth.purgeExpiredSessions();
        if (purged) log.info({ purged }, 'dedupe window purged');
      } catch (err) {
        log.warn({ err }, 'maintenance failed');
      }
    };
    timers.push(setInterval(maintain, HOUR).unref());
    setTimeout(maintain, 10_000).unref();
    // vacuum and planner statistics where no autovacuum does them (always so on the embedded database)
    const { handle } = app;
    if (!(await hasAutovacuum(handle.db, handle.kind))) {
      upkeep = new WorkLoop(
        async () => {
          const { vacuumed, analyzed } = await maintainTables(handle.db);
          if (vacuumed.length > 0) log.info({ tables: vacuumed }, 'tables vacuumed');
          if (analyzed.length > 0) log.info({ tables: analyzed }, 'statistics refreshed');
          return false; // done until the next minute
        },
        { name: 'table upkeep', pollMs: MINUTE, log },
      );
      upkeep.start();
    }
  }

  return {
    app,
    url,
    boot,
    async stop() {
      for (const t of timers) clearInterval(t);
      await upkeep?.stop();
      await app.close();
    },
  };
}

export function printBanner(server: RunningServer, config: Config): void {
  const { boot } = server;
  const lines = [
    '',
    `  Customer Data Platform is running (${server.app.handle.kind === 'embedded' ? `embedded PostgreSQL in ${config.CDP_DATA_DIR}` : 'PostgreSQL'})`,
    '',
    `  Console:         ${server.url}`,
    `  API docs:        ${server.url}/api/docs`,
    `  Admin login:     ${boot.adminEmail}`,
    boot.adminPassword
      ? `  Admin password:  ${boot.adminPassword}   (shown once; change with: npx cdp users create --email ${boot.adminEmail} --password … --role owner)`
      : '  Admin password:  (set on first start; reset with: npx cdp users create --email … --password … --role owner)',
    `  Write key:       ${boot.defaultSource.writeKey}   (source "${boot.defaultSource.name}")`,
    '',
    `  Try it:  curl -u ${boot.defaultSource.writeKey}: -H 'content-type: application/json' \\`,
    `             -d '{"userId":"u1","event":"Signed Up"}' ${server.url}/v1/track`,
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** SIGTERM/SIGINT: stop accepting, finish in-flight requests and commits, then exit. */
export function handleSignals(server: RunningServer, log: Logger): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    server
      .stop()
      .then(() => process.exit(0))
      .catch((err) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}
