import { randomUUID } from 'node:crypto';
import { groupBy } from '../../../platform/group-by.ts';
import type { DeliveryProfile, DestinationContext } from '../destination.ts';
import { SkippedError } from '../destination.ts';
import type { AudienceSync } from './ad-api.ts';
import { codeResult, multipartBody, required } from './ad-api.ts';
import type { AdAudienceConfig, ResolvedAdConfig } from './ad-audience-config.ts';
import { KeyedBatches } from './ad-batches.ts';
import { classifyDeviceId, md5Hex, normalizeChinaMobile, openIdFor, sha256Hex } from './ad-hashing.ts';
import { tencentMemberFile } from './ad-member-files.ts';

/**
 * Tencent Ads (腾讯广告) Marketing API, customer-file audiences: members are uploaded as zipped
 * one-id-per-line files to `custom_audience_files/add`, one `user_id_type` a file, APPEND or
 * REDUCE. Auth is the `access_token`, `timestamp` and `nonce` query parameters.
 */

export type TencentIdType =
  | 'SHA256_MOBILE_PHONE'
  | 'HASH_IMEI'
  | 'HASH_IDFA'
  | 'HASH_OAID'
  | 'WECHAT_OPENID'
  | 'WX_UNIONID';

export interface TencentId {
  readonly type: TencentIdType;
  readonly id: string;
}

const DEVICE_TYPE = { idfa: 'HASH_IDFA', imei: 'HASH_IMEI', oaid: 'HASH_OAID' } as const;

/**
 * A profile's ids as Tencent Ads takes them: the 11-digit mainland mobile SHA-256 (lower-case hex);
 * device ids MD5 of the IMEI lower-cased, of the IDFA upper-cased with its dashes, of the OAID;
 * OpenIDs of the configured app and UnionIDs in plain.
 */
export function tencentIdentifiers(
  profile: DeliveryProfile,
  config: Pick<ResolvedAdConfig, 'identifiers' | 'wechatAppId'>,
): TencentId[] {
  const ids: TencentId[] = [];
  for (const { type, value } of profile.identifiers) {
    if (!(config.identifiers as readonly string[]).includes(type)) continue;
    if (type === 'phone') {
      const mobile = normalizeChinaMobile(value);
      if (mobile) ids.push({ type: 'SHA256_MOBILE_PHONE', id: sha256Hex(mobile) });
    } else if (type === 'device_id') {
      const device = classifyDeviceId(value);
      if (device) ids.push({ type: DEVICE_TYPE[device.kind], id: md5Hex(device.value) });
    } else if (type === 'wechat_openid') {
      const openId = openIdFor(value, config.wechatAppId);
      if (openId) ids.push({ type: 'WECHAT_OPENID', id: openId });
    } else if (type === 'wechat_unionid' && value.trim()) ids.push({ type: 'WX_UNIONID', id: value.trim() });
  }
  return ids;
}

type Operation = 'APPEND' | 'REDUCE';

// system busy, maintenance, and the 300xx system errors the docs ask to retry
const retryable = (code: number) => code === 10000 || code === 10001 || (code >= 30000 && code <= 30099);

export function tencentSync(
  ctx: DestinationContext<AdAudienceConfig>,
  config: ResolvedAdConfig,
): AudienceSync {
  const upload = async (operation: Operation, type: TencentIdType, ids: readonly string[]) => {
    const url = new URL(`${config.apiBase}/custom_audience_files/add`);
    url.searchParams.set('access_token', config.accessToken);
    url.searchParams.set('timestamp', String(Math.floor(Date.now() / 1000)));
    url.searchParams.set('nonce', randomUUID().replaceAll('-', ''));
    const fields: Record<string, string> = {
      account_id: required(config.accountId, 'accountId'),
      audience_id: required(config.audienceId, 'audienceId'),
      user_id_type: type,
      operation_type: operation,
    };
    if (type === 'WECHAT_OPENID') fields.open_app_id = required(config.wechatAppId, 'wechatAppId');
    const { body, contentType } = multipartBody(fields, {
      field: 'file',
      name: 'users.zip',
      type: 'application/zip',
      bytes: tencentMemberFile(ids),
    });
    const response = await ctx.fetch(url, { method: 'POST', headers: { 'Content-Type': contentType }, body });
    await codeResult(response, 'Tencent Ads', retryable);
  };

  return {
    async change(profile, change) {
      const ids = tencentIdentifiers(profile, config);
      if (ids.length === 0) throw new SkippedError('no identifier Tencent Ads matches on');
      for (const [type, group] of groupBy(ids, (i) => i.type))
        await upload(
          change === 'enter' ? 'APPEND' : 'REDUCE',
          type,
          group.map((i) => i.id),
        );
    },

    // Tencent Ads has no replace: a full snapshot appends every member; exits reach the
    // audience through incremental snapshots and real-time changes.
    async snapshot(mode, members) {
      const batches = new KeyedBatches<string>(config.batchSize, async (key, ids) => {
        const [operation, type] = key.split(' ') as [Operation, TencentIdType];
        await upload(operation, type, ids);
      });
      for await (const member of members) {
        if (mode === 'full' && member.change === 'exit') continue;
        const operation: Operation = member.change === 'enter' ? 'APPEND' : 'REDUCE';
        for (const { type, id } of tencentIdentifiers(member.profile, config))
          await batches.add(`${operation} ${type}`, id);
      }
      await batches.finish();
    },
  };
}
