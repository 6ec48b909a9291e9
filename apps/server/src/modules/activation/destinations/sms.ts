import { createHmac, randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  type DeliveryMessage,
  type DestinationContext,
  type DestinationType,
  PermanentError,
  RetryableError,
  responseError,
  SkippedError,
} from '../destination.ts';
import { HttpProviderConfig, matchesCode, sendHttpProvider } from './http-provider.ts';
import { liquidTemplate, phoneRecipient, templateScope } from './recipients.ts';

const phoneTrait = z
  .string()
  .optional()
  .describe(
    'Trait (dotted path) holding the mobile number when the profile has no phone identifier; ' +
      'numbers without a country code are read as Chinese.',
  );

const GenericSms = HttpProviderConfig.extend({
  provider: z.literal('generic').describe('Any HTTP SMS gateway, described by a request template.'),
  phoneTrait,
});

const AliyunSms = z.object({
  provider: z.literal('aliyun').describe('Alibaba Cloud Short Message Service (dysmsapi SendSms).'),
  endpoint: z
    .url({ protocol: /^https?$/ })
    .default('https://dysmsapi.aliyuncs.com/')
    .describe('The dysmsapi endpoint; change it for another region or a proxy.'),
  accessKeyId: z.string().trim().min(1).describe('AccessKey ID of a RAM user allowed to send SMS.'),
  accessKeySecret: z.string().min(1).describe('AccessKey secret of that RAM user.'),
  regionId: z.string().trim().min(1).default('cn-hangzhou').describe('RegionId sent with the request.'),
  signName: z.string().trim().min(1).describe('The approved SMS signature (签名), e.g. 某某商城.'),
  templateCode: z.string().trim().min(1).describe('The approved template code, e.g. SMS_123456789.'),
  templateParams: z
    .record(z.string().min(1), liquidTemplate())
    .default({})
    .describe(
      'Values of the template variables: variable name → Liquid template over ' +
        '{ profile, traits, event, audience, data, delivery, phone }, e.g. name → {{ traits.name }}.',
    ),
  retryableCodes: z
    .array(z.string().min(1))
    .default(['isv.BUSINESS_LIMIT_CONTROL', 'Throttling*'])
    .describe('Answer codes worth retrying later; a trailing * matches a prefix. Other codes are permanent.'),
  phoneTrait,
});

export const SmsConfig = z.discriminatedUnion('provider', [GenericSms, AliyunSms]);
export type SmsConfig = z.infer<typeof SmsConfig>;
export type AliyunSmsConfig = z.infer<typeof AliyunSms>;

export const smsDestination: DestinationType<SmsConfig> = {
  type: 'sms',
  category: 'sms',
  label: { 'zh-CN': '短信', en: 'SMS' },
  configSchema: SmsConfig,
  secrets: ['secretHeaders', 'accessKeySecret'],
  urls: ['url', 'endpoint'],
  accepts: ['message', 'audience_change', 'event'],
  purposes: ['marketing'],
  async send(message, ctx) {
    const phone = phoneRecipient(message, ctx.config.phoneTrait);
    if (!phone) throw new SkippedError('the profile has no mobile number');
    const scope = templateScope(message, { phone });
    if (ctx.config.provider === 'generic')
      return sendHttpProvider(ctx.config, scope, ctx, message.id, 'SMS gateway');
    return sendAliyun(message, phone, scope, { ...ctx, config: ctx.config });
  },
};

/** Alibaba Cloud wants mainland numbers as 11 digits and others with their country code, no `+`. */
export function aliyunPhoneNumber(e164: string): string {
  return e164.startsWith('+86') ? e164.slice(3) : e164.replace(/^\+/, '');
}

/**
 * RFC 3986 encoding as the RPC signature defines it: only `A–Z a–z 0–9 - _ . ~` stay as they are,
 * so `encodeURIComponent`'s extra unreserved characters (`! ' ( ) *`) are encoded too.
 */
export function percentEncode(value: string): string {
  return encodeURIComponent(value.toWellFormed()).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * Alibaba Cloud RPC signature (version 1.0): the parameters sorted by name and encoded into a
 * canonical query, `METHOD&%2F&` + that query encoded once more, HMAC-SHA1 keyed with the secret
 * and `&`, in base64.
 */
export function aliyunSignature(
  method: string,
  params: Readonly<Record<string, string>>,
  secret: string,
): string {
  const canonical = Object.keys(params)
    .sort()
    .map((name) => `${percentEncode(name)}=${percentEncode(params[name])}`)
    .join('&');
  const stringToSign = `${method}&${percentEncode('/')}&${percentEncode(canonical)}`;
  return createHmac('sha1', `${secret}&`).update(stringToSign, 'utf8').digest('base64');
}

async function sendAliyun(
  message: DeliveryMessage,
  phone: string,
  scope: Readonly<Record<string, unknown>>,
  ctx: DestinationContext<AliyunSmsConfig>,
): Promise<void> {
  const { config } = ctx;
  const params: Record<string, string> = {
    AccessKeyId: config.accessKeyId,
    Action: 'SendSms',
    Format: 'JSON',
    OutId: message.id,
    PhoneNumbers: aliyunPhoneNumber(phone),
    RegionId: config.regionId,
    SignName: config.signName,
    SignatureMethod: 'HMAC-SHA1',
    SignatureNonce: randomUUID(),
    SignatureVersion: '1.0',
    TemplateCode: config.templateCode,
    Timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    Version: '2017-05-25',
  };
  const names = Object.keys(config.templateParams);
  if (names.length > 0) {
    const values: Record<string, string> = {};
    for (const name of names) values[name] = await ctx.render(config.templateParams[name], scope);
    params.TemplateParam = JSON.stringify(values);
  }
  params.Signature = aliyunSignature('POST', params, config.accessKeySecret);
  const response = await ctx.fetch(config.endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
      accept: 'application/json',
    },
    body: Object.entries(params)
      .map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`)
      .join('&'),
    redirect: 'error',
  });
  const text = await response.text().catch(() => '');
  const code = answerCode(text);
  if (response.ok && code === 'OK') return;
  const said = `Aliyun SMS answered ${response.status}: ${text.slice(0, 500)}`;
  // throttling comes both as 200 with a business code and as 400 from the API gateway
  if (code && matchesCode(code, config.retryableCodes))
    throw new RetryableError(said, { status: response.status });
  if (!response.ok)
    throw await responseError(
      new Response(text, { status: response.status, headers: response.headers }),
      'Aliyun SMS',
    );
  throw new PermanentError(said, { status: response.status });
}

/** `Code` of a JSON answer (`OK`, `isv.…`, `Throttling.User`), or undefined. */
function answerCode(text: string): string | undefined {
  try {
    const code = (JSON.parse(text) as { Code?: unknown } | null)?.Code;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
}
