import { createHash } from 'node:crypto';
import type { DeliveryProfile, DestinationContext } from '../destination.ts';
import { PermanentError, SkippedError } from '../destination.ts';
import type { AudienceSync } from './ad-api.ts';
import { codeResult, jsonWithIds, multipartBody, required } from './ad-api.ts';
import type { AdAudienceConfig, ResolvedAdConfig } from './ad-audience-config.ts';
import { KeyedBatches } from './ad-batches.ts';
import { classifyDeviceId, md5Hex, normalizeChinaMobile, sha256Hex } from './ad-hashing.ts';
import { type DmpIdItem, oceanEngineMemberFile } from './ad-member-files.ts';

/**
 * Ocean Engine (巨量引擎) DMP: member files (protobuf `DmpData` lines, base64, zipped) are uploaded
 * to `dmp/data_source/file/upload`, then one `dmp/data_source/update` adds (1), deletes (2) or
 * resets (3) the data source with all their file paths, then the audience is published again
 * (`dmp/custom_audience/publish`) for the update to take effect. Auth is the `Access-Token` header.
 */

/**
 * A profile's ids as the DMP takes them: the 11-digit mainland mobile SHA-256 (lower-case hex);
 * device ids in the documented raw forms (IMEI lower-case, IDFA upper-case, OAID a lower-case
 * UUID), or MD5 where the raw form is not accepted (a 14-hex MEID, a 64-hex OAID).
 */
export function oceanEngineIdentifiers(
  profile: DeliveryProfile,
  config: Pick<ResolvedAdConfig, 'identifiers'>,
): DmpIdItem[] {
  const items: DmpIdItem[] = [];
  for (const { type, value } of profile.identifiers) {
    if (!(config.identifiers as readonly string[]).includes(type)) continue;
    if (type === 'phone') {
      const mobile = normalizeChinaMobile(value);
      if (mobile) items.push({ dataType: 'MOBILE_HASH_SHA256', id: sha256Hex(mobile) });
    } else if (type === 'device_id') {
      const device = classifyDeviceId(value);
      if (!device) continue;
      if (device.kind === 'idfa') items.push({ dataType: 'IDFA', id: device.value });
      else if (device.kind === 'imei')
        items.push(
          /^\d{15}$/.test(device.value)
            ? { dataType: 'IMEI', id: device.value }
            : { dataType: 'IMEI_MD5', id: md5Hex(device.value) },
        );
      else
        items.push(
          device.value.length === 36
            ? { dataType: 'OAID', id: device.value }
            : { dataType: 'OAID_MD5', id: md5Hex(device.value) },
        );
    }
  }
  return items;
}

const OPERATION = { add: 1, delete: 2, reset: 3 } as const;
type Operation = keyof typeof OPERATION;
/** file paths one update may name */
const PATHS_PER_UPDATE = 1_000;

// 40100: too many requests; 5xxxx: system errors
const retryable = (code: number) => code === 40100 || code >= 50000;

export function oceanEngineSync(
  ctx: DestinationContext<AdAudienceConfig>,
  config: ResolvedAdConfig,
): AudienceSync {
  const advertiserId = required(config.accountId, 'accountId');
  const headers = { 'Access-Token': config.accessToken };
  const call = async (path: string, init: RequestInit) =>
    codeResult(
      await ctx.fetch(`${config.apiBase}/2/dmp/${path}`, { ...init, method: 'POST' }),
      'Ocean Engine',
      retryable,
    );
  const postJson = (path: string, body: string) =>
    call(path, { headers: { ...headers, 'Content-Type': 'application/json' }, body });

  const upload = async (items: readonly DmpIdItem[]): Promise<string> => {
    const file = oceanEngineMemberFile(items);
    const { body, contentType } = multipartBody(
      { advertiser_id: advertiserId, file_signature: md5Buffer(file) },
      { field: 'file', name: 'dmp.zip', type: 'application/zip', bytes: file },
    );
    const data = await call('data_source/file/upload/', {
      headers: { ...headers, 'Content-Type': contentType },
      body,
    });
    if (typeof data.file_path !== 'string')
      throw new PermanentError('Ocean Engine answered without a file_path');
    return data.file_path;
  };

  const update = async (operation: Operation, paths: readonly string[]) => {
    for (let start = 0; start < paths.length; start += PATHS_PER_UPDATE) {
      // a reset replaces the content once; further files of the same snapshot are added to it
      const op = start > 0 && operation === 'reset' ? 'add' : operation;
      const body = jsonWithIds(
        { advertiser_id: advertiserId },
        {
          data_source_id: required(config.dataSourceId, 'dataSourceId'),
          operation_type: OPERATION[op],
          data_format: 0,
          file_storage_type: 0,
          file_paths: paths.slice(start, start + PATHS_PER_UPDATE),
        },
      );
      await postJson('data_source/update/', body);
    }
  };

  const publish = async () => {
    if (!config.audienceId) return;
    const body = jsonWithIds({ advertiser_id: advertiserId, custom_audience_id: config.audienceId }, {});
    await postJson('custom_audience/publish/', body);
  };

  return {
    async change(profile, change) {
      const items = oceanEngineIdentifiers(profile, config);
      if (items.length === 0) throw new SkippedError('no identifier Ocean Engine matches on');
      await update(change === 'enter' ? 'add' : 'delete', [await upload(items)]);
      await publish();
    },

    async snapshot(mode, members) {
      const paths: Record<'add' | 'delete', string[]> = { add: [], delete: [] };
      const batches = new KeyedBatches<DmpIdItem>(config.batchSize, async (key, items) => {
        paths[key as 'add' | 'delete'].push(await upload(items));
      });
      for await (const member of members) {
        if (mode === 'full' && member.change === 'exit') continue;
        for (const item of oceanEngineIdentifiers(member.profile, config))
          await batches.add(member.change === 'enter' ? 'add' : 'delete', item);
      }
      await batches.finish();
      if (mode === 'full') {
        // a reset names at least one file: with no member the data source is left as it is
        if (paths.add.length === 0) {
          ctx.log.warn({ destinationId: ctx.destinationId }, 'full snapshot without members: nothing reset');
          return;
        }
        await update('reset', paths.add);
      } else {
        if (paths.add.length === 0 && paths.delete.length === 0) return;
        if (paths.add.length > 0) await update('add', paths.add);
        if (paths.delete.length > 0) await update('delete', paths.delete);
      }
      await publish();
    },
  };
}

function md5Buffer(bytes: Uint8Array): string {
  return createHash('md5').update(bytes).digest('hex');
}
