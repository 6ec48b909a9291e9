import type { EventQuery, QuarantineQuery, QuarantineStatus, TimelineQuery } from '@cdp/protocol';
import { type Kysely, sql } from 'kysely';
import type { EventRow, IngestTables, QuarantineRow } from './ingest.tables.ts';
import { type WriteItem, type WriteResult, writeGroup } from './write-group.ts';

/** The ids whose events belong to one person. */
export interface EventOwner {
  readonly userIds: readonly string[];
  readonly anonymousIds: readonly string[];
  /** Identifier keys (`member_id:M1`) of events that name their person by traits only. */
  readonly keys: readonly string[];
}

export class IngestRepository {
  constructor(private readonly db: Kysely<IngestTables>) {}

  /** Writes one group-commit batch atomically; results line up with `items`. */
  writeGroup(items: readonly WriteItem[], dedupeCutoff: Date): Promise<WriteResult[]> {
    return writeGroup(this.db, items, dedupeCutoff);
  }

  listEvents(workspaceId: string, q: EventQuery): Promise<EventRow[]> {
    let query = this.db.selectFrom('events').selectAll().where('workspace_id', '=', workspaceId);
    if (q.sourceId) query = query.where('source_id', '=', q.sourceId);
    if (q.type) query = query.where('type', '=', q.type);
    if (q.event) query = query.where('event', '=', q.event);
    if (q.userId) query = query.where('user_id', '=', q.userId);
    if (q.anonymousId) query = query.where('anonymous_id', '=', q.anonymousId);
    if (q.from) query = query.where('received_at', '>=', new Date(q.from));
    if (q.to) query = query.where('received_at', '<', new Date(q.to));
    if (q.before) query = query.where('id', '<', q.before);
    if (q.after) query = query.where('id', '>', q.after);
    return query
      .orderBy('id', q.after ? 'asc' : 'desc')
      .limit(q.limit)
      .execute();
  }

  /** Events of one person (any of their user ids or anonymous ids), newest event time first. */
  timeline(workspaceId: string, owner: EventOwner, q: TimelineQuery): Promise<EventRow[]> {
    if (owner.userIds.length + owner.anonymousIds.length + owner.keys.length === 0)
      return Promise.resolve([]);
    let query = this.db
      .selectFrom('events')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where((eb) =>
        eb.or([
          ...(owner.userIds.length ? [eb('user_id', 'in', owner.userIds)] : []),
          ...(owner.anonymousIds.length ? [eb('anonymous_id', 'in', owner.anonymousIds)] : []),
          ...(owner.keys.length
            ? [
                sql<boolean>`id in (select k.event_id from event_keys k
                  where k.workspace_id = ${workspaceId} and k.key in (select unnest(${owner.keys}::text[])))`,
              ]
            : []),
        ]),
      );
    if (q.sourceId) query = query.where('source_id', '=', q.sourceId);
    if (q.type) query = query.where('type', '=', q.type);
    if (q.event) query = query.where('event', '=', q.event);
    if (q.from) query = query.where('timestamp', '>=', new Date(q.from));
    if (q.to) query = query.where('timestamp', '<', new Date(q.to));
    if (q.before) {
      const [ms, id] = q.before.split('.');
      query = query.where(sql<boolean>`("timestamp", id) < (${new Date(Number(ms))}, ${id}::bigint)`);
    }
    return query.orderBy('timestamp', 'desc').orderBy('id', 'desc').limit(q.limit).execute();
  }

  listQuarantine(workspaceId: string, q: QuarantineQuery): Promise<QuarantineRow[]> {
    let query = this.db.selectFrom('quarantine').selectAll().where('workspace_id', '=', workspaceId);
    if (q.sourceId) query = query.where('source_id', '=', q.sourceId);
    if (q.status) query = query.where('status', '=', q.status);
    if (q.before) query = query.where('id', '<', q.before);
    return query.orderBy('id', 'desc').limit(q.limit).execute();
  }

  /** Quarantined messages newer than `afterId`, oldest first (for the live debugger). */
  quarantineAfter(
    workspaceId: string,
    afterId: string,
    sourceId: string | undefined,
    limit: number,
  ): Promise<QuarantineRow[]> {
    let query = this.db
      .selectFrom('quarantine')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '>', afterId);
    if (sourceId) query = query.where('source_id', '=', sourceId);
    return query.orderBy('id').limit(limit).execute();
  }

  async lastIds(workspaceId: string): Promise<{ event: string; quarantine: string }> {
    const e = await this.db
      .selectFrom('events')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirst();
    const q = await this.db
      .selectFrom('quarantine')
      .select((eb) => eb.fn.max('id').as('id'))
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirst();
    return { event: String(e?.id ?? '0'), quarantine: String(q?.id ?? '') };
  }

  getQuarantine(workspaceId: string, id: string): Promise<QuarantineRow | undefined> {
    return this.db
      .selectFrom('quarantine')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async resolveQuarantine(id: string, status: QuarantineStatus, payload?: unknown): Promise<QuarantineRow> {
    return this.db
      .updateTable('quarantine')
      .set({
        status,
        resolved_at: new Date(),
        ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  stats(workspaceId: string, bucket: 'minute' | 'hour' | 'day', from: Date, to: Date) {
    return this.db
      .selectFrom('ingest_stats')
      .select((eb) => [
        sql<Date>`date_trunc(${bucket}, minute)`.as('t'),
        'source_id',
        eb.fn.sum<string>('accepted').as('accepted'),
        eb.fn.sum<string>('quarantined').as('quarantined'),
        eb.fn.sum<string>('duplicates').as('duplicates'),
      ])
      .where('workspace_id', '=', workspaceId)
      .where('minute', '>=', from)
      .where('minute', '<', to)
      .groupBy([sql`1`, sql`2`])
      .orderBy(sql`1`)
      .execute();
  }

  async purgeDedupe(cutoff: Date, batch = 10_000): Promise<number> {
    const res = await sql`
      delete from ingest_dedupe where ctid = any(array(
        select ctid from ingest_dedupe where received_at < ${cutoff} limit ${batch}))`.execute(this.db);
    return Number(res.numAffectedRows ?? 0);
  }
}
