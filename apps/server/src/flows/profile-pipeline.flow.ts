import { type Kysely, sql } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../database.ts';
import {
  applyEvidence,
  type Evidence,
  extractIdentifiers,
  graphRepository,
  loadIdentitySettings,
} from '../modules/identity/index.ts';
import {
  applyProfileUpdates,
  cleanTraits,
  loadTraitRules,
  type TraitEvidence,
} from '../modules/profiles/index.ts';

export interface PipelineOptions {
  /** Queued write groups taken per transaction. */
  readonly groupsPerStep?: number;
  /** How often to look for work that another process queued (ms). */
  readonly pollMs?: number;
  /** Attempts before a failing group is left aside (visible with its error). */
  readonly maxAttempts?: number;
}

interface EventForProfile {
  id: string;
  workspace_id: string;
  source_id: string;
  message_id: string;
  type: string;
  user_id: string | null;
  anonymous_id: string | null;
  previous_id: string | null;
  timestamp: Date;
  traits: Record<string, unknown> | null;
  context_traits: Record<string, unknown> | null;
  device_id: string | null;
  library_name: string | null;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Applies committed events to identities and profiles, in the background of ingestion: ingestion
 * queues each committed write group (`event_pipeline`), and each step here claims queued groups,
 * resolves their evidence into the identity graph and updates the profiles, and deletes the groups,
 * all in ONE transaction. A crash at any point leaves the groups queued, so every event is applied
 * exactly once. Work of one workspace is serialised by an advisory lock.
 */
export class ProfilePipeline {
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private pending = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly log: Logger,
    private readonly options: PipelineOptions = {},
  ) {}

  /** Called after ingestion commits: work is waiting. */
  notify(): void {
    this.pending = true;
    this.wake?.();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    this.loop = null;
  }

  /** Processes everything queued now (tests, CLI commands). */
  async drain(): Promise<number> {
    let total = 0;
    for (let n = await this.step(); n > 0; n = await this.step()) total += n;
    return total;
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.pending = false;
      let processed = 0;
      try {
        processed = await this.step();
      } catch (err) {
        this.log.error({ err }, 'profile pipeline step failed');
      }
      if (processed > 0 || this.pending || !this.running) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.options.pollMs ?? 1000);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
  }

  /** One transaction: claim queued groups, apply their events, delete the groups. Returns events applied. */
  async step(): Promise<number> {
    let claimed: string[] = [];
    try {
      return await this.db.transaction().execute(async (tx) => {
        const groups = await sql<{ id: string; event_ids: string[] }>`
          delete from event_pipeline where id in (
            select id from event_pipeline where attempts < ${this.options.maxAttempts ?? 5}
             order by id limit ${this.options.groupsPerStep ?? 8} for update skip locked)
          returning id, event_ids`.execute(tx);
        claimed = groups.rows.map((g) => g.id);
        const ids = groups.rows.flatMap((g) => g.event_ids);
        if (ids.length === 0) return 0;
        const events = await loadEvents(tx, ids);
        const byWorkspace = new Map<string, EventForProfile[]>();
        for (const e of events)
          byWorkspace.set(e.workspace_id, [...(byWorkspace.get(e.workspace_id) ?? []), e]);
        // one lock order for every process: workspaces sorted
        for (const workspaceId of [...byWorkspace.keys()].sort())
          await applyWorkspaceEvents(tx, workspaceId, byWorkspace.get(workspaceId) ?? []);
        return events.length;
      });
    } catch (err) {
      if (claimed.length > 0) {
        const message = err instanceof Error ? err.message : String(err);
        await this.db
          .updateTable('event_pipeline')
          .set((eb) => ({ attempts: eb(eb.ref('attempts'), '+', 1), last_error: message.slice(0, 2000) }))
          .where(sql<boolean>`id = any(${claimed}::bigint[])`)
          .execute();
      }
      throw err;
    }
  }
}

async function loadEvents(db: Kysely<Database>, ids: readonly string[]): Promise<EventForProfile[]> {
  const { rows } = await sql<EventForProfile>`
    select id, workspace_id, source_id, message_id, type, user_id, anonymous_id, previous_id, "timestamp",
           case when type = 'identify' then traits end as traits,
           context -> 'traits' as context_traits, context -> 'device' ->> 'id' as device_id, library_name
      from events where id = any(${ids}::bigint[]) order by id`.execute(db);
  return rows;
}

async function applyWorkspaceEvents(db: Kysely<Database>, workspaceId: string, events: EventForProfile[]) {
  await sql`select pg_advisory_xact_lock(hashtext(${`cdp.identity:${workspaceId}`}))`.execute(db);
  const settings = await loadIdentitySettings(db, workspaceId);
  const types = [...settings.types].sort((a, b) => b.priority - a.priority);
  const evidence: Evidence[] = [];
  const traitEvidence: TraitEvidence[] = [];
  const quality = new Map<
    string,
    { workspaceId: string; sourceId: string; day: string; metric: string; count: number }
  >();
  for (const e of events) {
    const at = e.timestamp.toISOString();
    const traits = {
      ...(isObject(e.context_traits) ? e.context_traits : {}),
      ...(isObject(e.traits) ? e.traits : {}),
    };
    const { identifiers, issues } = extractIdentifiers(
      {
        userId: e.user_id,
        anonymousId: e.anonymous_id,
        previousId: e.type === 'alias' ? e.previous_id : null,
        deviceId: e.device_id,
        traits,
      },
      types,
    );
    for (const metric of issues) {
      const day = at.slice(0, 10);
      const key = `${e.source_id}|${day}|${metric}`;
      const q = quality.get(key) ?? { workspaceId, sourceId: e.source_id, day, metric, count: 0 };
      q.count++;
      quality.set(key, q);
    }
    if (identifiers.length === 0) continue;
    const kind =
      e.library_name === 'cdp-import'
        ? 'import'
        : e.type === 'identify' || e.type === 'alias'
          ? e.type
          : 'event';
    evidence.push({
      evidenceId: `${e.source_id}/${e.message_id}`,
      kind,
      sourceId: e.source_id,
      at,
      identifiers,
    });
    if (e.type === 'identify' && isObject(e.traits)) {
      const { set, setOnce } = cleanTraits(e.traits);
      if (Object.keys(set).length + Object.keys(setOnce).length > 0)
        traitEvidence.push({
          key: `${identifiers[0].type}:${identifiers[0].value}`,
          assertion: { set, setOnce, at, sourceId: e.source_id },
        });
    }
  }
  const update = await applyEvidence(db, workspaceId, evidence, types);
  await applyProfileUpdates(db, workspaceId, update, traitEvidence, await loadTraitRules(db, workspaceId));
  await graphRepository.addQuality(db, [...quality.values()]);
}
