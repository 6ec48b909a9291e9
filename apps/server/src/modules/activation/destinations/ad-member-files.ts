import { strToU8, zipSync } from 'fflate';

/**
 * The member files the platforms take, as pure functions over one batch of identifiers.
 */

/**
 * Tencent Ads customer-file audience (`custom_audience_files/add`): a text file with one id per
 * line, zipped (the zip at most 100 MB). One file holds one `user_id_type`.
 */
export function tencentMemberFile(ids: readonly string[], name = 'users.txt'): Uint8Array {
  return zipSync({ [name]: strToU8(ids.length ? `${ids.join('\n')}\n` : '') });
}

/** Ocean Engine `IdItem.DataType` (the DMP upload format's protobuf enum). */
export const OCEAN_ENGINE_DATA_TYPE = {
  IMEI: 0,
  IDFA: 1,
  UID: 2,
  IMEI_MD5: 4,
  IDFA_MD5: 5,
  MOBILE_HASH_SHA256: 6,
  OAID: 7,
  OAID_MD5: 8,
} as const;
export type OceanEngineDataType = keyof typeof OCEAN_ENGINE_DATA_TYPE;

export interface DmpIdItem {
  readonly dataType: OceanEngineDataType;
  readonly id: string;
}

/** At most this many ids in one `DmpData` message (one line of the file). */
export const DMP_IDS_PER_LINE = 10_000;

function varint(value: number, out: number[]): void {
  let v = value;
  while (v > 0x7f) {
    out.push((v & 0x7f) | 0x80);
    v >>>= 7;
  }
  out.push(v);
}

function lengthDelimited(field: number, bytes: ArrayLike<number>, out: number[]): void {
  varint((field << 3) | 2, out);
  varint(bytes.length, out);
  for (let i = 0; i < bytes.length; i++) out.push(bytes[i]);
}

/**
 * One `DmpData` message (proto2): `repeated IdItem idList = 1`, each `IdItem` with the required
 * `dataType = 2` (varint) and `id = 3` (string); the optional timestamp and tags are left out.
 */
export function encodeDmpData(items: readonly DmpIdItem[]): Uint8Array {
  const utf8 = new TextEncoder();
  const out: number[] = [];
  for (const item of items) {
    const inner: number[] = [];
    varint((2 << 3) | 0, inner);
    varint(OCEAN_ENGINE_DATA_TYPE[item.dataType], inner);
    lengthDelimited(3, utf8.encode(item.id), inner);
    lengthDelimited(1, inner, out);
  }
  return Uint8Array.from(out);
}

/**
 * Ocean Engine DMP data-source file (`dmp/data_source/file/upload`): each line the base64 of one
 * serialised `DmpData` of at most 10,000 ids, the text file zipped.
 */
export function oceanEngineMemberFile(items: readonly DmpIdItem[], name = 'dmp.txt'): Uint8Array {
  const lines: string[] = [];
  for (let start = 0; start < items.length; start += DMP_IDS_PER_LINE)
    lines.push(Buffer.from(encodeDmpData(items.slice(start, start + DMP_IDS_PER_LINE))).toString('base64'));
  return zipSync({ [name]: strToU8(lines.length ? `${lines.join('\n')}\n` : '') });
}
