import { PassThrough, type Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../database.ts';

const PAGE = 5_000;

export interface ExportColumns {
  /** Identifier types, one column each (several values joined by `|`). */
  readonly identifiers: readonly string[];
  readonly traits: readonly string[];
}

interface MemberRow {
  profile_id: string;
  name: string | null;
  entered_at: Date;
  traits: Record<string, unknown>;
  identifiers: Record<string, string[]> | null;
}

/** The members of an audience, a page at a time, with the chosen identifiers and traits. */
async function* memberRows(
  db: Kysely<Database>,
  workspaceId: string,
  audienceId: string,
  types: readonly string[],
) {
  let after = '';
  for (;;) {
    const { rows } = await sql<MemberRow>`
      select m.profile_id, p.name, m.entered_at, p.traits,
             (select json_object_agg(t.type, t.vals) from (
                select n.type, json_agg(n.value order by n.value) as vals from identity_nodes n
                 where n.workspace_id = m.workspace_id and n.profile_id = m.profile_id
                   and n.type in (select unnest(${types}::text[]))
                 group by n.type) t) as identifiers
        from audience_members m
        join profiles p on p.workspace_id = m.workspace_id and p.id = m.profile_id
       where m.workspace_id = ${workspaceId} and m.audience_id = ${audienceId} and m.profile_id > ${after}
       order by m.profile_id limit ${PAGE}`.execute(db);
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1].profile_id;
  }
}

const cell = (v: unknown): string | number | boolean =>
  v === null || v === undefined
    ? ''
    : typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
      ? v
      : JSON.stringify(v);

function record(row: MemberRow, columns: ExportColumns): Array<string | number | boolean> {
  return [
    row.profile_id,
    row.name ?? '',
    new Date(row.entered_at).toISOString(),
    ...columns.identifiers.map((t) => (row.identifiers?.[t] ?? []).join('|')),
    ...columns.traits.map((t) => cell(row.traits?.[t])),
  ];
}

const header = (columns: ExportColumns) => [
  'profile_id',
  'name',
  'entered_at',
  ...columns.identifiers,
  ...columns.traits.map((t) => `traits.${t}`),
];

/**
 * Streams an audience's members as CSV (UTF-8 with BOM, so spreadsheet programs read Chinese right)
 * or XLSX, with flat memory: one page of members at a time.
 */
export function exportMembers(
  db: Kysely<Database>,
  workspaceId: string,
  audienceId: string,
  format: 'csv' | 'xlsx',
  columns: ExportColumns,
): Readable {
  const out = new PassThrough();
  const pages = memberRows(db, workspaceId, audienceId, columns.identifiers);
  const fail = (err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err)));
  if (format === 'csv') {
    const csv = stringify({ bom: true });
    csv.pipe(out);
    (async () => {
      csv.write(header(columns));
      for await (const rows of pages) for (const row of rows) csv.write(record(row, columns));
      csv.end();
    })().catch(fail);
    return out;
  }
  (async () => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false });
    const sheet = workbook.addWorksheet('members');
    sheet.addRow(header(columns)).commit();
    for await (const rows of pages) for (const row of rows) sheet.addRow(record(row, columns)).commit();
    sheet.commit();
    await workbook.commit();
  })().catch(fail);
  return out;
}
