import { z } from 'zod';

export const AD_PLATFORMS = ['tencent', 'oceanengine', 'meta'] as const;
export type AdPlatform = (typeof AD_PLATFORMS)[number];

export const AD_IDENTIFIER_TYPES = [
  'phone',
  'email',
  'device_id',
  'wechat_openid',
  'wechat_unionid',
  'user_id',
  'member_id',
] as const;
export type AdIdentifierType = (typeof AD_IDENTIFIER_TYPES)[number];

/** The identifier types each platform can match on. */
export const SUPPORTED_IDENTIFIERS: Readonly<Record<AdPlatform, readonly AdIdentifierType[]>> = {
  tencent: ['phone', 'device_id', 'wechat_openid', 'wechat_unionid'],
  oceanengine: ['phone', 'device_id'],
  meta: ['email', 'phone', 'device_id', 'user_id', 'member_id'],
};

const DEFAULT_IDENTIFIERS: Readonly<Record<AdPlatform, readonly AdIdentifierType[]>> = {
  tencent: ['phone', 'device_id'],
  oceanengine: ['phone', 'device_id'],
  meta: ['email', 'phone'],
};

/** The platforms' production endpoints. */
export const DEFAULT_API_BASE: Readonly<Record<AdPlatform, string>> = {
  tencent: 'https://api.e.qq.com/v3.0',
  oceanengine: 'https://api.oceanengine.com/open_api',
  meta: 'https://graph.facebook.com/v25.0',
};

/** Meta takes at most 10,000 users a request; the file platforms take large zipped files. */
const MAX_BATCH: Readonly<Record<AdPlatform, number>> = {
  tencent: 1_000_000,
  oceanengine: 1_000_000,
  meta: 10_000,
};
const DEFAULT_BATCH: Readonly<Record<AdPlatform, number>> = {
  tencent: 100_000,
  oceanengine: 100_000,
  meta: 10_000,
};

const numericId = z.string().regex(/^\d{1,20}$/, 'digits only');

export const AdAudienceConfig = z
  .object({
    platform: z
      .enum(AD_PLATFORMS)
      .describe(
        'Ad platform: tencent (Tencent Ads Marketing API customer-file audiences), oceanengine (Ocean Engine DMP data source; it allows 50 updates a day, so prefer scheduled snapshots to real-time changes) or meta (Meta custom audiences).',
      ),
    accountId: numericId
      .optional()
      .describe('Tencent Ads account_id or Ocean Engine advertiser_id. Not used by Meta.'),
    audienceId: numericId
      .optional()
      .describe(
        'Tencent Ads: the CUSTOMER_FILE audience_id. Meta: the custom audience id. Ocean Engine: the custom_audience_id to publish after each data-source update (optional).',
      ),
    dataSourceId: z
      .string()
      .regex(/^[\w-]{1,64}$/)
      .optional()
      .describe('Ocean Engine: the DMP data_source_id whose content is added to, removed from or reset.'),
    identifiers: z
      .array(z.enum(AD_IDENTIFIER_TYPES))
      .min(1)
      .optional()
      .describe(
        'Identifier types to send, as the platform supports them. Tencent Ads: phone, device_id, wechat_openid, wechat_unionid; Ocean Engine: phone, device_id; Meta: email, phone, device_id, and one of user_id/member_id as EXTERN_ID. Default: phone and device_id (Meta: email and phone).',
      ),
    wechatAppId: z
      .string()
      .min(1)
      .max(128)
      .optional()
      .describe(
        'Tencent Ads: the WeChat app id whose OpenIDs are sent (open_app_id); needed for wechat_openid.',
      ),
    accessToken: z.string().min(1).describe('The platform access token (secret).'),
    apiBase: z
      .url({ protocol: /^https?$/ })
      .optional()
      .describe(
        "API base URL; defaults to the platform's: https://api.e.qq.com/v3.0, https://api.oceanengine.com/open_api or https://graph.facebook.com/v25.0.",
      ),
    batchSize: z
      .int()
      .min(1)
      .max(1_000_000)
      .optional()
      .describe(
        'Users per request (Meta, at most 10,000) or per uploaded member file (Tencent Ads, Ocean Engine). Default 10,000 for Meta, 100,000 for the others.',
      ),
  })
  .superRefine((config, issues) => {
    const need = (field: keyof typeof config, why: string) => {
      if (!config[field]) issues.addIssue({ code: 'custom', path: [field], message: why });
    };
    if (config.platform === 'tencent') {
      need('accountId', 'Tencent Ads needs the account_id');
      need('audienceId', 'Tencent Ads needs the audience_id');
    } else if (config.platform === 'oceanengine') {
      need('accountId', 'Ocean Engine needs the advertiser_id');
      need('dataSourceId', 'Ocean Engine needs the data_source_id');
    } else need('audienceId', 'Meta needs the custom audience id');
    const supported = SUPPORTED_IDENTIFIERS[config.platform];
    for (const type of config.identifiers ?? [])
      if (!supported.includes(type))
        issues.addIssue({
          code: 'custom',
          path: ['identifiers'],
          message: `${config.platform} does not match on ${type}`,
        });
    if (config.platform === 'tencent' && config.identifiers?.includes('wechat_openid'))
      need('wechatAppId', 'wechat_openid needs the WeChat app id');
    if (config.identifiers?.includes('user_id') && config.identifiers.includes('member_id'))
      issues.addIssue({ code: 'custom', path: ['identifiers'], message: 'choose user_id or member_id' });
    if (config.batchSize && config.batchSize > MAX_BATCH[config.platform])
      issues.addIssue({
        code: 'custom',
        path: ['batchSize'],
        message: `${config.platform} takes at most ${MAX_BATCH[config.platform]} users a request`,
      });
  });
export type AdAudienceConfig = z.infer<typeof AdAudienceConfig>;

/** The config with its platform defaults filled in. */
export type ResolvedAdConfig = Omit<AdAudienceConfig, 'identifiers' | 'apiBase' | 'batchSize'> & {
  readonly identifiers: readonly AdIdentifierType[];
  readonly apiBase: string;
  readonly batchSize: number;
};

export function resolveAdConfig(config: AdAudienceConfig): ResolvedAdConfig {
  return {
    ...config,
    identifiers: config.identifiers ?? DEFAULT_IDENTIFIERS[config.platform],
    apiBase: (config.apiBase ?? DEFAULT_API_BASE[config.platform]).replace(/\/+$/, ''),
    batchSize: config.batchSize ?? DEFAULT_BATCH[config.platform],
  };
}
