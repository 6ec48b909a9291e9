import type { CreateSyncBody, Sync, SyncSpec, UpdateSyncBody } from '@cdp/protocol';
import { Cron } from 'croner';
import { type Kysely, sql } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../../database.ts';
import { newId } from '../../platform/ids.ts';
import { WorkLoop } from '../../platform/jobs/work-loop.ts';
import {
  destinationNotFound,
  invalidSchedule,
  syncNotFound,
  unknownAudience,
  unknownSource,
  unsupportedSync,
} from './activation.errors.ts';
import type { DeliveryKind, DestinationType } from './destination.ts';

const iso = (d: Date | string) => new Date(d).toISOString();

interface SyncRow {
  workspace_id: string;
  id: string;
  name: string;
  destination_id: string;
  kind: string;
  mode: string;
  audience_id: string | null;
  filter: unknown;
  mapping: unknown;
  schedule: string | null;
  enabled: boolean;
  cursor: string | null;
  last_run_at: Date | null;
  next_run_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

function specOf(row: SyncRow): SyncSpec {
  if (row.kind === 'audience')
    return { kind: 'audience', audienceId: row.audience_id ?? '', mode: row.mode as 'realtime' };
  return {
    kind: 'events',
    mode: row.mode as 'realtime',
    filter: row.filter as Extract<SyncSpec, { kind: 'events' }>['filter'],
    mapping: row.mapping as Extract<SyncSpec, { kind: 'events' }>['mapping'],
  };
}

function toSync(row: SyncRow): Sync {
  return {
    id: row.id,
    name: row.name,
    destinationId: row.destination_id,
    spec: specOf(row),
    schedule: row.schedule,
    enabled: row.enabled,
    lastRunAt: row.last_run_at ? iso(row.last_run_at) : null,
    nextRunAt: row.next_run_at ? iso(row.next_run_at) : null,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

/** The delivery kind a sync produces. */
export function deliveryKindOf(spec: SyncSpec): DeliveryKind {
  if (spec.kind === 'events') return spec.mode === 'realtime' ? 'event' : 'events_export';
  return spec.mode === 'realtime' ? 'audience_change' : 'audience_snapshot';
}

const scheduled = (spec: SyncSpec) => spec.mode !== 'realtime';

/**
 * Syncs: which events or audience changes go to which destination, in real time (queued by the
 * pipeline and by the audience change log, in the transaction of the change) or as scheduled
 * snapshots and exports (queued here when their cron schedule, in the workspace's time zone, is due).
 */
export class SyncsService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly types: ReadonlyMap<string, DestinationType<unknown>>,
    private readonly timeZone: string,
    /** deliveries were queued */
    private readonly queued: () => void,
  ) {}

  private nextRun(schedule: string | null, from = new Date()): Date | null {
    if (!schedule) return null;
    try {
      return new Cron(schedule, { timezone: this.timeZone }).nextRun(from);
    } catch (err) {
      throw invalidSchedule(`not a cron schedule: ${(err as Error).message}`);
    }
  }

  /** Checks a sync against its destination (the kind it takes), its audience or sources, its schedule. */
  private async validate(
    workspaceId: string,
    destinationId: string,
    spec: SyncSpec,
    schedule: string | null,
  ) {
    const destination = await this.db
      .selectFrom('destinations')
      .select(['id', 'type'])
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', destinationId)
      .executeTakeFirst();
    if (!destination) throw destinationNotFound(destinationId);
    const type = this.types.get(destination.type);
    const kind = deliveryKindOf(spec);
    if (!type?.accepts.includes(kind)) throw unsupportedSync(destination.type, kind);
    if (spec.kind === 'audience') {
      const audience = await this.db
        .selectFrom('audiences')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', spec.audienceId)
        .executeTakeFirst();
      if (!audience) throw unknownAudience(spec.audienceId);
    } else if (spec.filter.sources.length > 0) {
      const found = await this.db
        .selectFrom('sources')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .where('id', 'in', spec.filter.sources)
        .execute();
      const missing = spec.filter.sources.filter((s) => !found.some((f) => f.id === s));
      if (missing.length > 0) throw unknownSource(missing);
    }
    if (scheduled(spec) && !schedule) throw invalidSchedule(`a ${spec.mode} sync needs a schedule`);
    if (!scheduled(spec) && schedule) throw invalidSchedule('a real-time sync has no schedule');
    this.nextRun(schedule);
  }

  private columns(spec: SyncSpec) {
    return {
      kind: spec.kind,
      mode: spec.mode,
      audience_id: spec.kind === 'audience' ? spec.audienceId : null,
      filter: JSON.stringify(spec.kind === 'events' ? spec.filter : {}),
      mapping: JSON.stringify(spec.kind === 'events' ? spec.mapping : []),
    };
  }

  async list(workspaceId: string, destinationId?: string): Promise<{ items: Sync[] }> {
    let query = this.db.selectFrom('syncs').selectAll().where('workspace_id', '=', workspaceId);
    if (destinationId) query = query.where('destination_id', '=', destinationId);
    const rows = await query.orderBy('created_at').execute();
    return { items: (rows as unknown as SyncRow[]).map(toSync) };
  }

  private async row(workspaceId: string, id: string): Promise<SyncRow> {
    const row = await this.db
      .selectFrom('syncs')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw syncNotFound(id);
    return row as unknown as SyncRow;
  }

  async get(workspaceId: string, id: string): Promise<Sync> {
    return toSync(await this.row(workspaceId, id));
  }

  async create(workspaceId: string, body: CreateSyncBody, userId: string | null): Promise<Sync> {
    const schedule = body.schedule ?? null;
    await this.validate(workspaceId, body.destinationId, body.spec, schedule);
    const id = newId('syn');
    // an event export starts with the events arriving from now on
    const cursor =
      body.spec.kind === 'events' && body.spec.mode === 'export'
        ? ((
            await sql<{
              max: string | null;
            }>`select max(id)::text as max from events where workspace_id = ${workspaceId}`.execute(this.db)
          ).rows[0].max ?? '0')
        : null;
    await this.db
      .insertInto('syncs')
      .values({
        workspace_id: workspaceId,
        id,
        name: body.name,
        destination_id: body.destinationId,
        ...this.columns(body.spec),
        schedule,
        enabled: body.enabled,
        cursor,
        next_run_at: body.enabled ? this.nextRun(schedule) : null,
        created_by: userId,
      })
      .execute();
    return this.get(workspaceId, id);
  }

  async update(workspaceId: string, id: string, body: UpdateSyncBody): Promise<Sync> {
    const row = await this.row(workspaceId, id);
    const spec = body.spec ?? specOf(row);
    const schedule = body.schedule === undefined ? row.schedule : body.schedule;
    const enabled = body.enabled ?? row.enabled;
    await this.validate(workspaceId, row.destination_id, spec, schedule);
    await this.db
      .updateTable('syncs')
      .set({
        name: body.name ?? row.name,
        ...this.columns(spec),
        schedule,
        enabled,
        // a new audience or kind starts over
        cursor: body.spec && JSON.stringify(body.spec) !== JSON.stringify(specOf(row)) ? null : row.cursor,
        next_run_at: enabled ? this.nextRun(schedule) : null,
        updated_at: new Date(),
      })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .execute();
    return this.get(workspaceId, id);
  }

  async remove(workspaceId: string, id: string): Promise<void> {
    await this.row(workspaceId, id);
    await this.db.transaction().execute(async (tx) => {
      await tx.deleteFrom('deliveries').where('sync_id', '=', id).where('status', '=', 'pending').execute();
      await tx.deleteFrom('syncs').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
    });
  }

  /** Queues a scheduled sync's snapshot or export now (also what the schedule does). */
  async run(workspaceId: string, id: string): Promise<{ deliveryId: string | null }> {
    const row = await this.row(workspaceId, id);
    if (!scheduled(specOf(row))) throw invalidSchedule('a real-time sync runs with every change');
    const deliveryId = await this.db.transaction().execute(async (tx) => {
      const locked = await sql<SyncRow>`
        select * from syncs where workspace_id = ${workspaceId} and id = ${id} for update`.execute(tx);
      return this.queueRun(tx, locked.rows[0]);
    });
    this.queued();
    return { deliveryId };
  }

  /** Queues every scheduled sync that is due, each once (several processes may look together). */
  async queueDue(): Promise<number> {
    const queued = await this.db.transaction().execute(async (tx) => {
      const { rows } = await sql<SyncRow>`
        select * from syncs where enabled and next_run_at <= now()
         order by next_run_at limit 20 for update skip locked`.execute(tx);
      for (const row of rows) await this.queueRun(tx, row);
      return rows.length;
    });
    if (queued > 0) this.queued();
    return queued;
  }

  /**
   * One run: an audience snapshot (full: every member now; incremental: the enters and exits since
   * the last run — the first run is full) or the events since the last export, as one delivery the
   * worker streams; then the cursor and the next run move on.
   */
  private async queueRun(db: Kysely<Database>, row: SyncRow): Promise<string | null> {
    const now = new Date();
    let payload: Record<string, unknown>;
    let cursor: string | null;
    if (row.kind === 'audience') {
      const { rows } = await sql<{ max: string | null }>`
        select max(seq)::text as max from audience_changes
         where workspace_id = ${row.workspace_id} and audience_id = ${row.audience_id}`.execute(db);
      cursor = rows[0].max ?? '0';
      payload =
        row.mode === 'incremental' && row.cursor !== null
          ? { mode: 'incremental', from: row.cursor, to: cursor }
          : { mode: 'full', to: cursor };
    } else {
      const { rows } = await sql<{ max: string | null }>`
        select max(id)::text as max from events where workspace_id = ${row.workspace_id}`.execute(db);
      cursor = rows[0].max ?? '0';
      payload = { from: row.cursor ?? '0', to: cursor };
    }
    const skip = row.mode === 'incremental' && row.cursor !== null && row.cursor === cursor;
    let deliveryId: string | null = null;
    if (!skip && !(row.kind === 'events' && (row.cursor ?? '0') === cursor)) {
      const inserted = await db
        .insertInto('deliveries')
        .values({
          workspace_id: row.workspace_id,
          destination_id: row.destination_id,
          sync_id: row.id,
          message_id: `${row.id}:${now.toISOString()}`,
          kind: row.kind === 'audience' ? 'audience_snapshot' : 'events_export',
          audience_id: row.audience_id,
          at: now,
          payload: JSON.stringify(payload),
        })
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .executeTakeFirst();
      deliveryId = inserted ? String(inserted.id) : null;
    }
    await db
      .updateTable('syncs')
      .set({ cursor, last_run_at: now, next_run_at: this.nextRun(row.schedule, now) })
      .where('workspace_id', '=', row.workspace_id)
      .where('id', '=', row.id)
      .execute();
    return deliveryId;
  }
}

/** Queues due scheduled syncs in the background. */
export class SyncScheduler {
  private readonly work: WorkLoop;

  constructor(syncs: SyncsService, log: Logger, pollMs = 5_000) {
    this.work = new WorkLoop(async () => (await syncs.queueDue()) > 0, {
      name: 'sync scheduler',
      pollMs,
      log,
    });
  }

  start(): void {
    this.work.start();
  }

  stop(): Promise<void> {
    return this.work.stop();
  }
}
