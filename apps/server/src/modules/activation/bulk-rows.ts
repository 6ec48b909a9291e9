import type { EventFilter } from '@cdp/protocol';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../database.ts';
import type { DeliveryEvent, DeliveryMessage, SnapshotMember } from './destination.ts';
import { compileEventFilter } from './event-filter.ts';
import { type DeliveryRow, EVENT_COLUMNS, loadProfiles, toDeliveryEvent } from './load-messages.ts';

export interface BulkOptions {
  /** rows read per query */
  readonly pageSize?: number;
  /** time zone of relative dates in event filters */
  readonly timeZone?: string;
}

/** What a scheduled sync queued: the audience changes or events of its period. */
export interface BulkPayload {
  readonly mode?: 'full' | 'incremental';
  /** incremental snapshots: audience_changes seq range (from, to]; event exports: event id range */
  readonly from?: string;
  readonly to?: string;
}

/**
 * The message of a scheduled delivery: its rows are streamed from the database page by page while
 * the destination writes them, so a million-member audience never sits in memory. Enters of people
 * whose consent forbids the destination's purposes are left out (exits are always sent: they remove
 * data from the peer).
 */
export async function bulkMessage(
  db: Kysely<Database>,
  row: DeliveryRow,
  options: BulkOptions,
  blocked: (consent: Readonly<Record<string, unknown>>) => string | null,
): Promise<DeliveryMessage | undefined> {
  const payload = row.payload as BulkPayload;
  const pageSize = options.pageSize ?? 1000;
  const base = {
    id: row.message_id,
    kind: row.kind,
    workspaceId: row.workspace_id,
    at: new Date(row.at).toISOString(),
    data: {},
  };
  if (row.kind === 'events_export')
    return { ...base, events: () => exportedEvents(db, row, payload, pageSize, options.timeZone) };
  const mode = payload.mode ?? 'full';
  const audience = await db
    .selectFrom('audiences')
    .select(['id', 'name'])
    .where('workspace_id', '=', row.workspace_id)
    .where('id', '=', row.audience_id ?? '')
    .executeTakeFirst();
  if (!audience) return undefined;
  return {
    ...base,
    audience,
    snapshot: { mode },
    members: () => snapshotMembers(db, row, payload, pageSize, blocked),
  };
}

async function* snapshotMembers(
  db: Kysely<Database>,
  row: DeliveryRow,
  payload: BulkPayload,
  pageSize: number,
  blocked: (consent: Readonly<Record<string, unknown>>) => string | null,
): AsyncIterable<SnapshotMember> {
  const ws = row.workspace_id;
  let after = '';
  for (;;) {
    const { rows } =
      payload.mode === 'incremental'
        ? await sql<{ profile_id: string; change: 'enter' | 'exit' }>`
            select distinct on (profile_id) profile_id, change from audience_changes
             where workspace_id = ${ws} and audience_id = ${row.audience_id}
               and seq > ${payload.from ?? '0'}::bigint and seq <= ${payload.to ?? '0'}::bigint
               and profile_id > ${after}
             order by profile_id, seq desc
             limit ${pageSize}`.execute(db)
        : await sql<{ profile_id: string; change: 'enter' | 'exit' }>`
            select profile_id, 'enter' as change from audience_members
             where workspace_id = ${ws} and audience_id = ${row.audience_id} and profile_id > ${after}
             order by profile_id
             limit ${pageSize}`.execute(db);
    if (rows.length === 0) return;
    after = rows[rows.length - 1].profile_id;
    const profiles = await loadProfiles(
      db,
      ws,
      rows.map((r) => r.profile_id),
    );
    for (const r of rows) {
      const person = profiles.get(r.profile_id);
      if (!person) continue;
      if (r.change === 'enter' && blocked(person.consent)) continue;
      yield { profile: person.profile, change: r.change };
    }
    if (rows.length < pageSize) return;
  }
}

async function* exportedEvents(
  db: Kysely<Database>,
  row: DeliveryRow,
  payload: BulkPayload,
  pageSize: number,
  timeZone: string | undefined,
): AsyncIterable<DeliveryEvent> {
  const sync = row.sync_id
    ? await db
        .selectFrom('syncs')
        .select('filter')
        .where('workspace_id', '=', row.workspace_id)
        .where('id', '=', row.sync_id)
        .executeTakeFirst()
    : undefined;
  const filter = (sync?.filter ?? { sources: [], events: [] }) as EventFilter;
  const where = compileEventFilter(filter, timeZone);
  let after = payload.from ?? '0';
  for (;;) {
    const { rows } = await sql<Parameters<typeof toDeliveryEvent>[0]>`
      select ${EVENT_COLUMNS} from events e
       where e.workspace_id = ${row.workspace_id} and e.id > ${after}::bigint and e.id <= ${payload.to ?? '0'}::bigint
         and ${where}
       order by e.id limit ${pageSize}`.execute(db);
    if (rows.length === 0) return;
    after = String(rows[rows.length - 1].id);
    for (const e of rows) yield toDeliveryEvent(e);
    if (rows.length < pageSize) return;
  }
}
