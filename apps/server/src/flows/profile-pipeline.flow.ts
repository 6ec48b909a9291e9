import { type Kysely, sql } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../database.ts';
import { enqueueEventDeliveries } from '../modules/activation/index.ts';
import {
  applyEvidence,
  type Evidence,
  graphRepository,
  type IndexedEvent,
  loadIdentitySettings,
} from '../modules/identity/index.ts';
import { enqueueJourneyEvents } from '../modules/journeys/index.ts';
import { applyProfileUpdates, loadTraitRules, type TraitEvidence } from '../modules/profiles/index.ts';
import { WorkLoop } from '../platform/jobs/work-loop.ts';
import { byPriority, type EventForProfile, eventEvidence, loadEvents } from './event-evidence.ts';
import { followProfiles } from './follow-profiles.ts';
import { lockWorkspaceIdentity } from './identity-lock.ts';

interface QualityCount {
  workspaceId: string;
  sourceId: string;
  day: string;
  metric: string;
  count: number;
}

export interface PipelineOptions {
  /** Queued write groups taken per transaction. */
  readonly groupsPerStep?: number;
  /** How often to look for work that another process queued (ms). */
  readonly pollMs?: number;
  /** Attempts before a failing group is left aside (visible with its error). */
  readonly maxAttempts?: number;
  /** Time zone of days in audience conditions. */
  readonly timeZone?: string;
  /** Called after a step committed applied events (deliveries may be waiting). */
  readonly onApplied?: () => void;
}

/**
 * Applies committed events to identities and profiles, in the background of ingestion: ingestion
 * queues each committed write group (`event_pipeline`), and each step here claims queued groups,
 * resolves their evidence into the identity graph and updates the profiles, and deletes the groups,
 * all in ONE transaction. A crash at any point leaves the groups queued, so every event is applied
 * exactly once. Work of one workspace is serialised by an advisory lock.
 */
export class ProfilePipeline {
  private readonly work: WorkLoop;

  constructor(
    private readonly db: Kysely<Database>,
    log: Logger,
    private readonly options: PipelineOptions = {},
  ) {
    this.work = new WorkLoop(async () => (await this.step()) > 0, {
      name: 'profile pipeline',
      pollMs: options.pollMs ?? 1000,
      log,
    });
  }

  /** Called after ingestion commits: work is waiting. */
  notify(): void {
    this.work.notify();
  }

  start(): void {
    this.work.start();
  }

  stop(): Promise<void> {
    return this.work.stop();
  }

  /**
   * Returns once everything queued so far is applied, by this process or by another step already
   * holding some of it (tests, CLI commands).
   */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.step();
      total += n;
      if (n > 0) continue;
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from event_pipeline where attempts < ${this.maxAttempts}`.execute(this.db);
      if (rows[0].n === 0) return total;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  private get maxAttempts(): number {
    return this.options.maxAttempts ?? 5;
  }

  /** One transaction: claim queued groups, apply their events, delete the groups. Returns events applied. */
  async step(): Promise<number> {
    const applied = await this.applyQueued();
    if (applied > 0) this.options.onApplied?.();
    return applied;
  }

  private async applyQueued(): Promise<number> {
    let claimed: string[] = [];
    try {
      return await this.db.transaction().execute(async (tx) => {
        const groups = await claimGroups(this.maxAttempts, this.options.groupsPerStep ?? 8).execute(tx);
        claimed = groups.rows.map((g) => g.id);
        const ids = groups.rows.flatMap((g) => g.event_ids);
        if (ids.length === 0) return 0;
        const events = await loadEvents(tx, ids);
        const byWorkspace = new Map<string, EventForProfile[]>();
        for (const e of events) {
          const list = byWorkspace.get(e.workspace_id);
          if (list) list.push(e);
          else byWorkspace.set(e.workspace_id, [e]);
        }
        // one lock order for every process: workspaces sorted
        for (const workspaceId of [...byWorkspace.keys()].sort())
          await applyWorkspaceEvents(
            tx,
            workspaceId,
            byWorkspace.get(workspaceId) ?? [],
            this.options.timeZone,
          );
        return events.length;
      });
    } catch (err) {
      if (claimed.length > 0) {
        const message = err instanceof Error ? err.message : String(err);
        await this.db
          .updateTable('event_pipeline')
          .set((eb) => ({ attempts: eb(eb.ref('attempts'), '+', 1), last_error: message.slice(0, 2000) }))
          .where(sql<boolean>`id in (select unnest(${claimed}::bigint[]))`)
          .execute();
      }
      throw err;
    }
  }
}

/**
 * Takes the oldest queued groups off the queue. The ids are read by one index scan that runs once
 * (`= any(array(…))`, an InitPlan): with `in (select … limit …)` the planner may re-run the limited
 * scan for every queued row when the statistics believe the queue empty, as they do right after a
 * vacuum found it so.
 */
export const claimGroups = (maxAttempts: number, limit: number) => sql<{ id: string; event_ids: string[] }>`
  delete from event_pipeline where id = any(array(
    select id from event_pipeline where attempts < ${maxAttempts}
     order by id limit ${limit} for update skip locked))
  returning id, event_ids`;

async function applyWorkspaceEvents(
  db: Kysely<Database>,
  workspaceId: string,
  events: EventForProfile[],
  timeZone: string | undefined,
) {
  await lockWorkspaceIdentity(db, workspaceId);
  const types = byPriority((await loadIdentitySettings(db, workspaceId)).types);
  const evidence: Evidence[] = [];
  const traitEvidence: TraitEvidence[] = [];
  const quality = new Map<string, QualityCount>();
  // counted on the day the data arrived, like the ingestion counters
  const day = new Date().toISOString().slice(0, 10);
  const owners: IndexedEvent[] = [];
  for (const e of events) {
    const found = eventEvidence(e, types);
    if (found.evidence) evidence.push(found.evidence);
    const head = found.evidence?.identifiers[0];
    if (head)
      owners.push({
        key: `${head.type}:${head.value}`,
        eventId: e.id,
        type: e.type,
        event: e.event,
        timestamp: e.timestamp,
      });
    if (found.traits) traitEvidence.push(found.traits);
    for (const metric of found.issues) {
      const key = `${e.source_id}|${day}|${metric}`;
      const q = quality.get(key) ?? { workspaceId, sourceId: e.source_id, day, metric, count: 0 };
      q.count++;
      quality.set(key, q);
    }
  }
  const update = await applyEvidence(db, workspaceId, evidence, types);
  const profiles = await applyProfileUpdates(
    db,
    workspaceId,
    update,
    traitEvidence,
    await loadTraitRules(db, workspaceId),
  );
  await graphRepository.addQuality(db, [...quality.values()]);
  await graphRepository.indexEvents(db, workspaceId, owners);
  await followProfiles(db, workspaceId, profiles, timeZone, { events, owners });
  // forwarded events and journey entries are queued with the events they come from
  const eventIds = events.map((e) => e.id);
  await enqueueEventDeliveries(db, workspaceId, eventIds, owners, timeZone);
  await enqueueJourneyEvents(db, workspaceId, eventIds, owners, timeZone);
}
