import type { MessageProblem } from '@cdp/protocol';
import { type Kysely, sql } from 'kysely';
import type { IngestTables } from './ingest.tables.ts';
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

const names = (columns: Record<string, string>) =>
  sql.raw(
    Object.keys(columns)
      .map((c) => `"${c}"`)
      .join(', '),
  );
const definitions = (columns: Record<string, string>) =>
  sql.raw(
    Object.entries(columns)
      .map(([c, t]) => `"${c}" ${t}`)
      .join(', '),
  );

const keyOf = (sourceId: string, messageId: string) => `${sourceId}\u0001${messageId}`;
const minuteOf = (iso: string) => `${iso.slice(0, 16)}:00.000Z`;

interface Counts {
  workspace_id: string;
  source_id: string;
  minute: string;
  quarantined: number;
  duplicates: number;
}

/**
 * Writes one group-commit batch as ONE statement (atomic without BEGIN/COMMIT round trips, so the
 * database gets the whole job at once): claims each (source, messageId) in the dedupe table, inserts the
 * events whose claim is new in the order the client sent them, queues them for the profile pipeline,
 * inserts quarantined messages and adds the per-minute counters. Results line up with `items`.
 */
export async function writeGroup(
  db: Kysely<IngestTables>,
  items: readonly WriteItem[],
  cutoff: Date,
): Promise<WriteResult[]> {
  const results: WriteResult[] = new Array(items.length);
  const firstOf = new Map<string, number>();
  const candidates: number[] = [];
  const events: Array<EventInsert & { payload_hash: string }> = [];
  const quarantined: QuarantineInsert[] = [];
  const counts = new Map<string, Counts>();
  const count = (
    row: { workspace_id: string; source_id: string; received_at: string },
    field: 'quarantined' | 'duplicates',
  ) => {
    const minute = minuteOf(row.received_at);
    const key = `${row.source_id}|${minute}`;
    let c = counts.get(key);
    if (!c) {
      c = {
        workspace_id: row.workspace_id,
        source_id: row.source_id,
        minute,
        quarantined: 0,
        duplicates: 0,
      };
      counts.set(key, c);
    }
    c[field]++;
  };

  items.forEach((item, i) => {
    if (item.kind === 'quarantine') {
      quarantined.push(item.row);
      results[i] = 'quarantined';
      count(item.row, 'quarantined');
      return;
    }
    const key = keyOf(item.row.source_id, item.row.message_id);
    const first = firstOf.get(key);
    if (first !== undefined) {
      // the same messageId twice in one group: the first occurrence wins
      results[i] =
        (items[first] as Extract<WriteItem, { kind: 'event' }>).hash === item.hash ? 'duplicate' : 'conflict';
      count(item.row, 'duplicates');
      return;
    }
    firstOf.set(key, i);
    candidates.push(i);
    // the row is this write's own object: extend it instead of copying it
    events.push(Object.assign(item.row, { payload_hash: item.hash }));
  });

  const eventDefs = definitions({ ...EVENT_COLUMNS, payload_hash: 'text' });
  const { rows } = await sql<{ i: string; fresh: boolean; prior_hash: string | null }>`
    with x as (
      select * from rows from (jsonb_to_recordset(${JSON.stringify(events)}::jsonb) as (${eventDefs})) with ordinality as x
    ),
    claimed as (
      insert into ingest_dedupe (source_id, message_id, received_at, payload_hash)
      select source_id, message_id, received_at, payload_hash from x
      -- one lock order for every writer: concurrent statements cannot deadlock
      order by source_id collate "C", message_id collate "C"
      on conflict (source_id, message_id) do update
        set received_at = excluded.received_at, payload_hash = excluded.payload_hash
        where ingest_dedupe.received_at < ${cutoff}
      returning source_id, message_id
    ),
    stored as (
      insert into events (${names(EVENT_COLUMNS)})
      select ${names(EVENT_COLUMNS)} from x
      where exists (select 1 from claimed c where c.source_id = x.source_id and c.message_id = x.message_id)
      order by ordinality
      returning id
    ),
    queued as (
      -- the identity and profile pipeline picks these up (see flows/profile-pipeline.flow.ts)
      insert into event_pipeline (event_ids)
      select array_agg(id order by id) from stored having count(*) > 0
    ),
    kept as (
      insert into quarantine (${names(QUARANTINE_COLUMNS)})
      select ${names(QUARANTINE_COLUMNS)} from jsonb_to_recordset(${JSON.stringify(quarantined)}::jsonb) as q(${definitions(QUARANTINE_COLUMNS)})
      returning 1
    ),
    counted as (
      select x.workspace_id, x.source_id, date_trunc('minute', x.received_at) as minute,
             (c.message_id is not null)::int as accepted, 0 as quarantined, (c.message_id is null)::int as duplicates
        from x left join claimed c on c.source_id = x.source_id and c.message_id = x.message_id
      union all
      select workspace_id, source_id, minute, 0, quarantined, duplicates
        from jsonb_to_recordset(${JSON.stringify([...counts.values()])}::jsonb)
          as e(workspace_id text, source_id text, minute timestamptz, quarantined int, duplicates int)
    ),
    stats as (
      insert into ingest_stats (workspace_id, source_id, minute, accepted, quarantined, duplicates)
      select workspace_id, source_id, minute, sum(accepted), sum(quarantined), sum(duplicates)
        from counted group by 1, 2, 3 order by source_id collate "C", minute
      on conflict (source_id, minute) do update set
        accepted = ingest_stats.accepted + excluded.accepted,
        quarantined = ingest_stats.quarantined + excluded.quarantined,
        duplicates = ingest_stats.duplicates + excluded.duplicates
    )
    select x.ordinality as i, c.message_id is not null as fresh,
           -- looked up only for duplicates: the snapshot still holds the first write's fingerprint
           case when c.message_id is null then
             (select d.payload_hash from ingest_dedupe d where d.source_id = x.source_id and d.message_id = x.message_id)
           end as prior_hash
      from x
      left join claimed c on c.source_id = x.source_id and c.message_id = x.message_id`.execute(db);

  for (const row of rows) {
    const index = candidates[Number(row.i) - 1];
    const hash = events[Number(row.i) - 1].payload_hash;
    results[index] = row.fresh
      ? 'stored'
      : row.prior_hash === null || row.prior_hash === hash
        ? 'duplicate'
        : 'conflict';
  }
  return results;
}
