/** One row of an upload, with the line it came from (1 = the first line of the text). */
export interface ImportRow {
  readonly line: number;
  readonly identifierType: string;
  readonly identifier: string;
  readonly value: string;
}

export interface ParsedImport {
  readonly rows: ImportRow[];
  /** Lines with too few fields. */
  readonly badLines: number[];
}

/** The fields of one CSV line: commas or tabs separate, double quotes enclose ("" is a quote). */
export function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') field += line[++i];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (c === ',' || c === '\t') {
      fields.push(field.trim());
      field = '';
    } else field += c;
  }
  fields.push(field.trim());
  return fields;
}

const isHeader = (fields: readonly string[]) => fields.some((f) => /^identifier(_type)?$|^value$/i.test(f));

/**
 * Pasted or uploaded values: `identifier,value` lines (of the chosen identifier type) or
 * `identifier_type,identifier,value` lines; an optional header (naming the columns in any order) and
 * a UTF-8 BOM are allowed, blank lines are skipped. Values stay text: the server reads them by type.
 */
export function parseImportCsv(text: string, defaultType: string): ParsedImport {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const rows: ImportRow[] = [];
  const badLines: number[] = [];
  let columns: { type: number; identifier: number; value: number } | null = null;
  lines.forEach((raw, index) => {
    if (raw.trim() === '') return;
    const fields = csvFields(raw);
    const line = index + 1;
    if (columns === null && rows.length === 0 && badLines.length === 0 && isHeader(fields)) {
      const lower = fields.map((f) => f.toLowerCase());
      columns = {
        type: lower.indexOf('identifier_type'),
        identifier: lower.indexOf('identifier'),
        value: lower.indexOf('value'),
      };
      return;
    }
    const at =
      columns ??
      (fields.length >= 3 ? { type: 0, identifier: 1, value: 2 } : { type: -1, identifier: 0, value: 1 });
    const identifier = fields[at.identifier] ?? '';
    const value = fields[at.value] ?? '';
    const identifierType = at.type >= 0 ? (fields[at.type] ?? '') : defaultType;
    if (identifier === '' || value === '' || identifierType === '') badLines.push(line);
    else rows.push({ line, identifierType, identifier, value });
  });
  return { rows, badLines };
}
