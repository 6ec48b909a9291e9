import type { EventQuery, MessageProblem, QuarantineQuery, QuarantineStatus } from '@cdp/protocol';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { EventRow, IngestTables, QuarantineRow } from './ingest.tables.ts';
import type { EventInsert } from './normalize-event.ts';

export interface QuarantineInsert {
  id: string;
  workspace_id: string;
  source_id: string;
  message_id: string | null;
  received_at: string;
  problems: MessageProblem[];
  payload: unknown;
}

export type WriteItem =
  | { readonly kind: 'event'; readonly row: EventInsert; readonly hash: string }
  | { readonly kind: 'quarantine'; readonly row: QuarantineInsert };

/** `duplicate`: messageId seen within the window with the same content; `conflict`: with other content. */
export type WriteResult = 'stored' | 'duplicate' | 'conflict' | 'quarantined';

const EVENT_COLUMNS: Record<keyof EventInsert, string> = {
  workspace_id: 'text',
  source_id: 'text',
  message_id: 'text',
  type: 'text',
  event: 'text',
  name: 'text',
  user_id: 'text',
  anonymous_id: 'text',
  group_id: 'text',
  previous_id: 'text',
  timestamp: 'timestamptz',
  original_timestamp: 'timestamptz',
  sent_at: 'timestamptz',
  received_at: 'timestamptz',
  flags: 'text[]',
  ip: 'text',
  user_agent: 'text',
  library_name: 'text',
  library_version: 'text',
  locale: 'text',
  page_url: 'text',
  page_path: 'text',
  page_referrer: 'text',
  utm_source: 'text',
  utm_medium: 'text',
  utm_campaign: 'text',
  device_type: 'text',
  os_name: 'text',
  properties: 'jsonb',
  traits: 'jsonb',
  context: 'jsonb',
  integrations: 'jsonb',
  extra: 'jsonb',
};
const QUARANTINE_COLUMNS: Record<keyof QuarantineInsert, string> = {
  id: 'text',
  workspace_id: 'text',
  source_id: 'text',
  message_id: 'text',
  received_at: 'timestamptz',
  problems: 'jsonb',
  payload: 'jsonb',
};

/** `insert into T (cols) select cols from jsonb_to_recordset($1)`: a whole batch as one parameter. */
function insertRecordset(table: string, columns: Record<string, string>, rows: readonly object[]) {
  const names = Object.keys(columns).map((c) => `"${c}"`);
  const defs = Object.entries(columns).map(([c, t]) => `"${c}" ${t}`);
  return sql`insert into ${sql.table(table)} (${sql.raw(names.join(', '))})
    select ${sql.raw(names.join(', '))} from jsonb_to_recordset(${compactJson(rows)}::jsonb) as x(${sql.raw(defs.join(', '))})`;
}

/**
 * One statement for the hot path: claims each (source, messageId) in the dedupe table and inserts the
 * events whose claim is new (in the order the client sent them), parsing the batch once. Returns the
 * keys that were new.
 */
function insertEventsOnce(rows: ReadonlyArray<EventInsert & { payload_hash: string }>, cutoff: Date) {
  const cols = Object.keys(EVENT_COLUMNS)
    .map((c) => `"${c}"`)
    .join(', ');
  const defs = [...Object.entries(EVENT_COLUMNS), ['payload_hash', 'text']]
    .map(([c, t]) => `"${c}" ${t}`)
    .join(', ');
  return sql<{ source_id: string; message_id: string }>`
    with x as (
      select * from rows from (jsonb_to_recordset(${compactJson(rows)}::jsonb) as (${sql.raw(defs)})) with ordinality as x
    ),
    claimed as (
      insert into ingest_dedupe (source_id, message_id, received_at, payload_hash)
      select source_id, message_id, received_at, payload_hash from x
      -- one lock order for every transaction: concurrent writers cannot deadlock
      order by source_id collate "C", message_id collate "C"
      on conflict (source_id, message_id) do update
        set received_at = excluded.received_at, payload_hash = excluded.payload_hash
        where ingest_dedupe.received_at < ${cutoff}
      returning source_id, message_id
    ),
    stored as (
      insert into events (${sql.raw(cols)})
      select ${sql.raw(cols)} from x
      where exists (select 1 from claimed c where c.source_id = x.source_id and c.message_id = x.message_id)
      order by ordinality
      returning 1
    )
    select source_id, message_id from claimed`;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** JSON without null columns (a missing key reads as NULL in jsonb_to_recordset): shorter to send and parse. */
function compactJson(rows: readonly object[]): string {
  const parts: string[] = [];
  for (const row of rows) {
    const kept: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(row)) if (v !== null) kept[k] = v;
    parts.push(JSON.stringify(kept));
  }
  return `[${parts.join(',')}]`;
}
const keyOf = (sourceId: string, messageId: string) => `${sourceId}\u0001${messageId}`;
const minuteOf = (iso: string) => `${iso.slice(0, 16)}:00.000Z`;

export class IngestRepository {
  constructor(private readonly db: Kysely<IngestTables>) {}

  /** Writes one group-commit batch in a single transaction; results line up with `items`. */
  writeGroup(items: readonly WriteItem[], dedupeCutoff: Date): Promise<WriteResult[]> {
    return this.db.transaction().execute((tx) => this.writeInTx(tx, items, dedupeCutoff));
  }

  private async writeInTx(
    tx: Transaction<IngestTables>,
    items: readonly WriteItem[],
    cutoff: Date,
  ): Promise<WriteResult[]> {
    const results: WriteResult[] = new Array(items.length);
    const firstOf = new Map<string, number>();
    const candidates: number[] = [];
    const quarantined: QuarantineInsert[] = [];
    items.forEach((item, i) => {
      if (item.kind === 'quarantine') {
        quarantined.push(item.row);
        results[i] = 'quarantined';
        return;
      }
      const key = keyOf(item.row.source_id, item.row.message_id);
      const first = firstOf.get(key);
      if (first === undefined) {
        firstOf.set(key, i);
        candidates.push(i);
      } else {
        const firstItem = items[first] as Extract<WriteItem, { kind: 'event' }>;
        results[i] = firstItem.hash === item.hash ? 'duplicate' : 'conflict';
      }
    });

    if (candidates.length) {
      const rows = candidates.map((i) => {
        const it = items[i] as Extract<WriteItem, { kind: 'event' }>;
        return { ...it.row, payload_hash: it.hash };
      });
      const fresh = await insertEventsOnce(rows, cutoff).execute(tx);
      const isFresh = new Set(fresh.rows.map((r) => keyOf(r.source_id, r.message_id)));
      const seen: number[] = [];
      for (const i of candidates) {
        const it = items[i] as Extract<WriteItem, { kind: 'event' }>;
        if (isFresh.has(keyOf(it.row.source_id, it.row.message_id))) results[i] = 'stored';
        else seen.push(i);
      }
      if (seen.length) await this.classifySeen(tx, items, seen, results);
    }
    if (quarantined.length) await insertRecordset('quarantine', QUARANTINE_COLUMNS, quarantined).execute(tx);
    await this.countStats(tx, items, results);
    return results;
  }

  private async classifySeen(
    tx: Transaction<IngestTables>,
    items: readonly WriteItem[],
    seen: number[],
    results: WriteResult[],
  ) {
    const pairs = seen.map((i) => (items[i] as Extract<WriteItem, { kind: 'event' }>).row);
    const existing = await tx
      .selectFrom('ingest_dedupe')
      .select(['source_id', 'message_id', 'payload_hash'])
      .where('source_id', 'in', [...new Set(pairs.map((p) => p.source_id))])
      .where(
        'message_id',
        'in',
        pairs.map((p) => p.message_id),
      )
      .execute();
    const hashOf = new Map(existing.map((r) => [keyOf(r.source_id, r.message_id), r.payload_hash]));
    for (const i of seen) {
      const it = items[i] as Extract<WriteItem, { kind: 'event' }>;
      const known = hashOf.get(keyOf(it.row.source_id, it.row.message_id));
      results[i] = known === undefined || known === it.hash ? 'duplicate' : 'conflict';
    }
  }

  private async countStats(
    tx: Transaction<IngestTables>,
    items: readonly WriteItem[],
    results: WriteResult[],
  ) {
    const counts = new Map<
      string,
      {
        workspace_id: string;
        source_id: string;
        minute: string;
        accepted: number;
        quarantined: number;
        duplicates: number;
      }
    >();
    items.forEach((item, i) => {
      const minute = minuteOf(item.row.received_at);
      const key = `${item.row.source_id}|${minute}`;
      let c = counts.get(key);
      if (!c) {
        c = {
          workspace_id: item.row.workspace_id,
          source_id: item.row.source_id,
          minute,
          accepted: 0,
          quarantined: 0,
          duplicates: 0,
        };
        counts.set(key, c);
      }
      const r = results[i];
      if (r === 'stored') c.accepted++;
      else if (r === 'quarantined') c.quarantined++;
      else c.duplicates++;
    });
    const rows = [...counts.values()].sort((a, b) =>
      compare(`${a.source_id}|${a.minute}`, `${b.source_id}|${b.minute}`),
    );
    await sql`
      insert into ingest_stats (workspace_id, source_id, minute, accepted, quarantined, duplicates)
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as x(workspace_id text, source_id text, minute timestamptz, accepted int, quarantined int, duplicates int)
      on conflict (source_id, minute) do update set
        accepted = ingest_stats.accepted + excluded.accepted,
        quarantined = ingest_stats.quarantined + excluded.quarantined,
        duplicates = ingest_stats.duplicates + excluded.duplicates`.execute(tx);
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
      delete from ingest_dedupe where ctid in (
        select ctid from ingest_dedupe where received_at < ${cutoff} limit ${batch})`.execute(this.db);
    return Number(res.numAffectedRows ?? 0);
  }
}
