import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { after } from 'node:test';
import { TextDecoder } from 'node:util';
import { Message } from '@cdp/protocol';
import type { ImportMessage, MapResult } from './map-row.ts';

let table: Map<string, readonly number[]> | undefined;

/**
 * GB18030 bytes of `text` (ASCII and the two-byte GBK range; Node can decode GB18030 but not encode
 * it): the table is the inverse of TextDecoder over all two-byte sequences.
 */
export function encodeGb18030(text: string): Buffer {
  if (!table) {
    table = new Map();
    const decoder = new TextDecoder('gb18030');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        const char = decoder.decode(Uint8Array.of(lead, trail));
        if (trail !== 0x7f && char.length === 1 && !table.has(char)) table.set(char, [lead, trail]);
      }
    }
  }
  const bytes = [...text].flatMap((char) => {
    if (char.charCodeAt(0) < 0x80) return [char.charCodeAt(0)];
    const gb = table!.get(char);
    if (!gb) throw new Error(`No GBK bytes for ${char}`);
    return [...gb];
  });
  return Buffer.from(bytes);
}

/** A temporary directory removed after the test file; `file(name, content)` writes into it. */
export async function tempFiles(): Promise<{
  dir: string;
  file: (name: string, content: string | Buffer) => Promise<string>;
}> {
  const dir = await mkdtemp(join(tmpdir(), 'cdp-import-'));
  after(() => rm(dir, { recursive: true, force: true }));
  return {
    dir,
    file: async (name, content) => {
      const path = join(dir, name);
      await writeFile(path, content);
      return path;
    },
  };
}

/** All rows of an async iterable. */
export async function collect<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

/** The message of a mapped row, checked against the protocol like the collector does. */
export function message(result: MapResult): ImportMessage {
  assert.ok(result.ok, JSON.stringify(result));
  assert.equal(Message.safeParse(result.message).success, true);
  const m = result.message as { traits?: object; context?: { traits?: object } };
  const traits = { ...m.context?.traits, ...m.traits };
  assert.ok(
    result.message.userId || result.message.anonymousId || Object.keys(traits).length > 0,
    'the person is named by an id or by traits',
  );
  return result.message;
}

/** A Writable that keeps what it is given. */
export function sink(): Writable & { text: () => string } {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  return Object.assign(out, { text: () => Buffer.concat(chunks).toString('utf8') });
}
