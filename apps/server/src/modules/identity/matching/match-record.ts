/**
 * A record to match: an id plus cleaned field values (`null` or absent when unknown). The caller
 * normalises first (phones to E.164, e-mails lower-cased, dates to `YYYY-MM-DD`, names trimmed).
 */
export interface MatchRecord {
  readonly id: string;
  readonly [field: string]: string | null;
}
