import type { EventFilter } from '@cdp/protocol';
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import { clockOf, compileEventScope } from '../query/index.ts';

/**
 * An event sync's filter as a predicate over `events e`: from one of the sources (any when none
 * named) and matching one of the event matches (any when none). Matches compile with the
 * definition language's event scope, so "purchase where properties.total ≥ 100" means the same in
 * a sync as in an audience.
 */
export function compileEventFilter(filter: EventFilter, timeZone: string | undefined): RawBuilder<SqlBool> {
  const clock = clockOf({ asOf: new Date(), timeZone });
  const parts: RawBuilder<SqlBool>[] = [];
  if (filter.sources.length > 0) parts.push(sql<SqlBool>`e.source_id = any(${filter.sources}::text[])`);
  if (filter.events.length > 0)
    parts.push(
      sql<SqlBool>`(${sql.join(
        filter.events.map((m) => sql`(${compileEventScope(m, undefined, 'e', clock)})`),
        sql` or `,
      )})`,
    );
  return parts.length === 0 ? sql<SqlBool>`true` : sql<SqlBool>`${sql.join(parts, sql` and `)}`;
}
