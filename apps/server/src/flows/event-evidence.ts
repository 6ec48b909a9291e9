import { type Kysely, sql } from 'kysely';
import type { Database } from '../database.ts';
import {
  type Evidence,
  extractIdentifiers,
  type IdentifierType,
  type QualityIssue,
} from '../modules/identity/index.ts';
import { cleanTraits, type TraitEvidence } from '../modules/profiles/index.ts';

/** The columns of an event that identity and profiles read. */
export interface EventForProfile {
  id: string;
  workspace_id: string;
  source_id: string;
  message_id: string;
  type: string;
  event: string | null;
  user_id: string | null;
  anonymous_id: string | null;
  previous_id: string | null;
  timestamp: Date;
  traits: Record<string, unknown> | null;
  context_traits: Record<string, unknown> | null;
  device_id: string | null;
  library_name: string | null;
}

/** The library name of messages made by file imports (their evidence is of kind `import`). */
export const IMPORT_LIBRARY = 'cdp-import';

const COLUMNS = sql`id, workspace_id, source_id, message_id, type, event, user_id, anonymous_id, previous_id, "timestamp",
  case when type = 'identify' then traits end as traits,
  context -> 'traits' as context_traits, context -> 'device' ->> 'id' as device_id, library_name`;

export async function loadEvents(db: Kysely<Database>, ids: readonly string[]): Promise<EventForProfile[]> {
  const { rows } = await sql<EventForProfile>`
    select ${COLUMNS} from events where id in (select unnest(${ids}::bigint[])) order by id`.execute(db);
  return rows;
}

/** A workspace's events in id order, `size` at a time (for rebuilding identities from history). */
export async function* scanEvents(db: Kysely<Database>, workspaceId: string, size = 5000) {
  let after = '0';
  for (;;) {
    const { rows } = await sql<EventForProfile>`
      select ${COLUMNS} from events where workspace_id = ${workspaceId} and id > ${after}::bigint
      order by id limit ${size}`.execute(db);
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1].id;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export interface EventEvidence {
  readonly evidence: Evidence | null;
  readonly traits: TraitEvidence | null;
  readonly issues: readonly QualityIssue[];
}

/**
 * What one event says for identity (its identifiers, cleaned: evidence) and for the profile (its
 * identify traits, cleaned, attached to its highest-priority identifier). `types` sorted by priority.
 */
export function eventEvidence(e: EventForProfile, types: readonly IdentifierType[]): EventEvidence {
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
  if (identifiers.length === 0) return { evidence: null, traits: null, issues };
  const kind =
    e.library_name === IMPORT_LIBRARY
      ? 'import'
      : e.type === 'identify' || e.type === 'alias'
        ? e.type
        : 'event';
  const evidence = {
    evidenceId: `${e.source_id}/${e.message_id}`,
    kind,
    sourceId: e.source_id,
    at,
    identifiers,
  } as const;
  if (e.type !== 'identify' || !isObject(e.traits)) return { evidence, traits: null, issues };
  const { set, setOnce } = cleanTraits(e.traits);
  if (Object.keys(set).length + Object.keys(setOnce).length === 0) return { evidence, traits: null, issues };
  const head = `${identifiers[0].type}:${identifiers[0].value}`;
  return { evidence, traits: { key: head, assertion: { set, setOnce, at, sourceId: e.source_id } }, issues };
}

/** Types in priority order, highest first (the first identifier of evidence is its head). */
export const byPriority = (types: readonly IdentifierType[]) =>
  [...types].sort((a, b) => b.priority - a.priority);
