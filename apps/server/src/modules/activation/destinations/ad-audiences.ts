import type { DestinationContext, DestinationType } from '../destination.ts';
import { PermanentError } from '../destination.ts';
import type { AudienceSync } from './ad-api.ts';
import {
  AdAudienceConfig,
  type AdPlatform,
  type ResolvedAdConfig,
  resolveAdConfig,
} from './ad-audience-config.ts';
import { metaSync } from './ad-meta.ts';
import { oceanEngineSync } from './ad-oceanengine.ts';
import { tencentSync } from './ad-tencent.ts';

export type { AdIdentifierType, AdPlatform } from './ad-audience-config.ts';
export {
  AD_IDENTIFIER_TYPES,
  AD_PLATFORMS,
  AdAudienceConfig,
  DEFAULT_API_BASE,
} from './ad-audience-config.ts';

const PRESETS: Readonly<
  Record<AdPlatform, (ctx: DestinationContext<AdAudienceConfig>, config: ResolvedAdConfig) => AudienceSync>
> = {
  tencent: tencentSync,
  oceanengine: oceanEngineSync,
  meta: metaSync,
};

/**
 * Ad-platform custom audiences: real-time enters and exits add and remove users; snapshots upload
 * the members in batches (full: replace where the platform can, incremental: add and remove).
 * Profiles without an identifier the platform matches on are skipped.
 */
export const adAudiencesDestination: DestinationType<AdAudienceConfig> = {
  type: 'ad_audiences',
  category: 'ads',
  label: {
    'zh-CN': '广告平台人群（腾讯广告 / 巨量引擎 / Meta）',
    en: 'Ad platform audiences (Tencent Ads / Ocean Engine / Meta)',
  },
  configSchema: AdAudienceConfig,
  secrets: ['accessToken'],
  urls: ['apiBase'],
  accepts: ['audience_change', 'audience_snapshot'],
  purposes: ['advertising'],

  async send(message, ctx) {
    const config = resolveAdConfig(ctx.config);
    const sync = PRESETS[config.platform](ctx, config);
    if (message.kind === 'audience_change') {
      if (!message.profile || !message.change)
        throw new PermanentError('audience_change without profile or change');
      return sync.change(message.profile, message.change);
    }
    if (message.kind === 'audience_snapshot') {
      if (!message.members) throw new PermanentError('audience_snapshot without members');
      return sync.snapshot(message.snapshot?.mode ?? 'full', message.members());
    }
    throw new PermanentError(`ad audiences do not accept ${message.kind}`);
  },
};
