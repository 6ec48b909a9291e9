import { isRepeatedChar, isSequentialDigits } from './junk-patterns.ts';

/** Local parts that name no person: placeholders, refusals and robots (compared without `.-_`). */
const JUNK_LOCAL_PARTS = new Set([
  'test',
  'testing',
  'tester',
  'example',
  'sample',
  'demo',
  'fake',
  'dummy',
  'asdf',
  'qwerty',
  'xxx',
  'abc',
  'null',
  'nil',
  'none',
  'undefined',
  'unknown',
  'nobody',
  'noone',
  'noreply',
  'donotreply',
  'noemail',
  'nomail',
  'meiyou',
]);

/** Domains nobody receives mail at: RFC 2606 names and the ones typed to get past a form. */
const JUNK_DOMAINS = new Set(['test.com', 'example.com', 'example.net', 'example.org', 'xxx.com', 'abc.com']);

/** Reserved top-level domains (RFC 2606, RFC 6761). */
const RESERVED_TLDS = new Set(['test', 'example', 'invalid', 'localhost', 'local']);

/**
 * Whether a syntactically valid, lower-cased address is a placeholder rather than a person's.
 * Rules, in order: a junk local part (`test@…`, `noreply@…`, `null@…`); a junk domain or reserved
 * TLD; a local part of one repeated character at least 3 long (`aaa@`, `0000@qq.com`) or of 5+
 * sequential digits (`12345@qq.com`); a local part equal to the domain's first label (`a@a.com`,
 * `qq@qq.com`, `163@163.com`).
 */
export function isJunkEmail(local: string, domain: string): boolean {
  const labels = domain.split('.');
  if (JUNK_LOCAL_PARTS.has(local.replace(/[.\-_]/g, ''))) return true;
  if (JUNK_DOMAINS.has(domain) || RESERVED_TLDS.has(labels.at(-1) ?? '')) return true;
  if ((local.length >= 3 && isRepeatedChar(local)) || isSequentialDigits(local, 5)) return true;
  return local === labels[0];
}
