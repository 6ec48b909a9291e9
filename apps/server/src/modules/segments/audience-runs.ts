import { type Kysely, sql } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../../database.ts';
import { WorkLoop } from '../../platform/jobs/work-loop.ts';
import { recomputeScheduledTags } from '../traits/index.ts';
import { audiencesRepository, dependenciesOf, type RunRow, toRule } from './audiences.repository.ts';
import { applyMembership, lockWorkspaceAudiences } from './membership.ts';
import { evaluateTouchedProfiles } from './realtime.ts';

type Db = Kysely<Database>;

export interface AudienceRunnerOptions {
  /** Audiences with "now"-relative conditions are recomputed when older than this (seconds). */
  readonly recheckSeconds: number;
  /** How often to look for queued runs and due rechecks (ms). */
  readonly pollMs?: number;
  readonly timeZone?: string;
  /** Statement timeout of a full recomputation (ms); 0 = none. */
  readonly statementTimeoutMs?: number;
}

export interface RunResult {
  readonly before: number;
  readonly after: number;
  readonly entered: number;
  readonly exited: number;
}

/**
 * Recomputes one audience over all profiles, inside the caller's transaction, under the workspace's
 * audience lock: members are brought in line with the definition (each enter and exit recorded with the
 * run as its cause), the size is recounted, and audiences built on this one follow for the
 * profiles that moved.
 */
export async function recomputeAudience(
  db: Db,
  run: Pick<RunRow, 'id' | 'workspace_id' | 'audience_id' | 'reason'>,
  options: { asOf: Date; timeZone?: string; statementTimeoutMs?: number },
): Promise<RunResult | null> {
  await lockWorkspaceAudiences(db, run.workspace_id);
  if (options.statementTimeoutMs !== undefined)
    await sql`select set_config('statement_timeout', ${String(options.statementTimeoutMs)}, true)`.execute(
      db,
    );
  const row = await audiencesRepository.get(db, run.workspace_id, run.audience_id);
  if (!row) return null;
  const before = row.size;
  const time = { asOf: options.asOf, timeZone: options.timeZone };
  const cause = {
    by: run.reason === 'changed' ? 'definition' : run.reason,
    run: String(run.id),
    version: row.version,
  };
  const delta = await applyMembership(db, toRule(row), time, null, cause);
  const after = await audiencesRepository.markComputed(db, row, options.asOf);
  const moved = new Set([...delta.entered, ...delta.exited]);
  if (moved.size > 0)
    await evaluateTouchedProfiles(
      db,
      run.workspace_id,
      { events: new Map(), profiles: new Set(), removed: [] },
      time,
      {
        audience: row.id,
        profiles: moved,
      },
    );
  return { before, after, entered: delta.entered.length, exited: delta.exited.length };
}

/**
 * The background side of tags and audiences: recomputes tags that are due, runs queued audience
 * recomputations (creation, rule change, by hand) and queues rechecks of audiences whose conditions move with time ("no purchase in 30 days") so that
 * entries and exits happen on time. Several processes may run it: runs are claimed with SKIP LOCKED.
 */
export class AudienceRunner {
  private readonly work: WorkLoop;
  private lastRecheck = 0;

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
    private readonly options: AudienceRunnerOptions,
  ) {
    this.work = new WorkLoop(() => this.turn(), {
      name: 'audience runner',
      pollMs: options.pollMs ?? 1000,
      log,
    });
  }

  notify(): void {
    this.work.notify();
  }

  start(): void {
    this.work.start();
  }

  stop(): Promise<void> {
    return this.work.stop();
  }

  /** One turn of the background loop: due tags and rechecks (at most once a minute), then one run. */
  private async turn(): Promise<boolean> {
    if (Date.now() - this.lastRecheck >= Math.min(60_000, this.options.recheckSeconds * 1000)) {
      this.lastRecheck = Date.now();
      await this.recomputeDueTags();
      await this.queueDueRechecks();
    }
    return this.runOne();
  }

  /**
   * Returns once every recomputation queued so far has finished, run here or by another worker
   * (tests, CLI); returns how many ran here.
   */
  async drain(): Promise<number> {
    let n = 0;
    for (;;) {
      if (await this.runOne()) {
        n++;
        continue;
      }
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from audience_runs where status in ('queued', 'running')`.execute(this.db);
      if (rows[0].n === 0) return n;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Queues a recheck of every time-relative audience computed before `now − recheckSeconds`. */
  async queueDueRechecks(now = new Date()): Promise<number> {
    const due = await audiencesRepository.dueForRecheck(
      this.db,
      new Date(now.getTime() - this.options.recheckSeconds * 1000),
    );
    for (const row of due) await audiencesRepository.queueRun(this.db, row, 'schedule');
    return due.length;
  }

  /**
   * Recomputes the tags that are due (scheduled ones, and real-time ones that depend on "now"); when
   * values moved, the audiences that read tags are queued for a recomputation. Returns tags computed.
   */
  async recomputeDueTags(now = new Date()): Promise<number> {
    const { rows } = await sql<{ workspace_id: string }>`
      select distinct workspace_id from tags where status = 'active'`.execute(this.db);
    let computed = 0;
    for (const { workspace_id: workspaceId } of rows) {
      const results = await recomputeScheduledTags(this.db, workspaceId, now);
      computed += results.length;
      if (!results.some((r) => r.added + r.changed + r.removed > 0)) continue;
      for (const row of await audiencesRepository.list(this.db, workspaceId, ['active']))
        if (dependenciesOf(row).tags.length > 0) await audiencesRepository.queueRun(this.db, row, 'schedule');
    }
    return computed;
  }

  /**
   * Claims and runs the oldest queued run in one transaction (a crash leaves it queued); false when
   * none is queued. `asOf` is "now" for the audience's conditions.
   */
  async runOne(asOf = new Date()): Promise<boolean> {
    let claimed: RunRow | undefined;
    try {
      return await this.db.transaction().execute(async (tx) => {
        claimed = await audiencesRepository.claimRun(tx);
        if (!claimed) return false;
        const startedAt = new Date();
        const result = await recomputeAudience(tx, claimed, {
          asOf,
          timeZone: this.options.timeZone,
          statementTimeoutMs: this.options.statementTimeoutMs,
        });
        await audiencesRepository.finishRun(
          tx,
          claimed.id,
          result ? { ...result, startedAt } : { error: 'the audience was deleted before it ran' },
        );
        return true;
      });
    } catch (err) {
      if (!claimed) throw err;
      this.log.error({ err, audience: claimed.audience_id }, 'audience recomputation failed');
      await audiencesRepository.finishRun(this.db, claimed.id, {
        error: err instanceof Error ? err.message : String(err),
      });
      return true;
    }
  }
}
