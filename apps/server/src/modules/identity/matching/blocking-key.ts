import type { BlockingKeyPart, BlockingRule } from './match-config.ts';
import type { MatchRecord } from './match-record.ts';
import { toPinyin } from './pinyin.ts';

function keyPart(record: MatchRecord, part: BlockingKeyPart): string | null {
  const value = record[part.column];
  if (value == null) return null;
  let text = part.transform === 'pinyin' ? toPinyin(value) : value;
  if (part.first !== undefined) text = text.slice(0, part.first);
  if (part.last !== undefined) text = text.slice(-part.last);
  return text === '' ? null : text;
}

/** The record's key under `rule`, or `null` when any part is missing (the record is not blocked). */
export function blockingKey(record: MatchRecord, rule: BlockingRule): string | null {
  let key = '';
  for (const [i, part] of rule.key.entries()) {
    const text = keyPart(record, part);
    if (text === null) return null;
    key += i === 0 ? text : `\u001f${text}`;
  }
  return key;
}
