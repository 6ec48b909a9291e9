import assert from 'node:assert/strict';
import { strFromU8, unzipSync } from 'fflate';
import type { SnapshotMember } from '../destination.ts';
import type { RecordedRequest } from '../http-peer.test-helper.ts';

/**
 * What the ad-platform test peers share: reading a multipart upload, a zipped text file, and the
 * Ocean Engine protobuf lines, each written from the platforms' formats, apart from the code under
 * test.
 */

export interface Upload {
  readonly fields: Record<string, string>;
  readonly file: Uint8Array;
}

export async function readUpload(request: RecordedRequest): Promise<Upload> {
  const form = await new Response(request.body, {
    headers: { 'content-type': String(request.headers['content-type']) },
  }).formData();
  const fields: Record<string, string> = {};
  let file: Uint8Array | undefined;
  for (const [name, value] of form) {
    if (typeof value === 'string') fields[name] = value;
    else file = new Uint8Array(await value.arrayBuffer());
  }
  assert.ok(file, 'the upload has a file');
  return { fields, file };
}

/** The lines of the one text file in a zip. */
export function zippedLines(zip: Uint8Array): string[] {
  const entries = Object.values(unzipSync(zip));
  assert.equal(entries.length, 1, 'one file in the zip');
  return strFromU8(entries[0]).split('\n').filter(Boolean);
}

/** A minimal proto2 reader for `DmpData { repeated IdItem idList = 1 }`. */
export function decodeDmpData(bytes: Uint8Array): Array<{ dataType: number; id: string }> {
  let at = 0;
  const varint = (): number => {
    let value = 0;
    let shift = 0;
    for (;;) {
      const b = bytes[at++];
      value += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return value;
      shift += 7;
    }
  };
  const items: Array<{ dataType: number; id: string }> = [];
  while (at < bytes.length) {
    assert.equal(varint(), (1 << 3) | 2, 'idList is field 1, length-delimited');
    const end = varint() + at;
    const item = { dataType: -1, id: '' };
    while (at < end) {
      const tag = varint();
      if (tag === ((2 << 3) | 0)) item.dataType = varint();
      else if (tag === ((3 << 3) | 2)) {
        const length = varint();
        item.id = Buffer.from(bytes.subarray(at, at + length)).toString('utf8');
        at += length;
      } else assert.fail(`unexpected tag ${tag}`);
    }
    items.push(item);
  }
  return items;
}

/** The mainland mobile of member `i` (E.164, as profiles hold it). */
export const memberPhone = (i: number) => `+86139${String(i).padStart(8, '0')}`;

/** `count` members, generated one at a time as the worker streams them. */
export async function* members(
  count: number,
  change: (i: number) => 'enter' | 'exit' = () => 'enter',
): AsyncGenerator<SnapshotMember> {
  for (let i = 0; i < count; i++)
    yield {
      change: change(i),
      profile: {
        id: `prof_${i}`,
        traits: {},
        identifiers: [
          { type: 'phone', value: memberPhone(i) },
          { type: 'email', value: `user${i}@example.com` },
        ],
      },
    };
}
