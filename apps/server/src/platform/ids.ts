import { randomBytes } from 'node:crypto';
import { monotonicFactory } from 'ulidx';

const ulid = monotonicFactory();

/** Prefixed, sortable ids (`src_01J…`): a log line says what an id is, and ids sort by creation time. */
/** `msg`: a messageId given by the server to a message that came without one. */
export type IdPrefix =
  | 'src'
  | 'usr'
  | 'tok'
  | 'qtn'
  | 'ws'
  | 'msg'
  | 'mtc'
  | 'imf'
  | 'imp'
  | 'aud'
  | 'tag'
  | 'tgc'
  | 'dst'
  | 'syn'
  | 'jny';

export function newId(prefix: IdPrefix): string {
  return `${prefix}_${ulid().toLowerCase()}`;
}

/** An unguessable secret (write keys, tokens, session ids), URL-safe. */
export function newSecret(bytes = 24): string {
  return randomBytes(bytes).toString('base64url');
}
