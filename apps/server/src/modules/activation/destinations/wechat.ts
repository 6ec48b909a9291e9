import { z } from 'zod';
import {
  type DeliveryMessage,
  type DestinationContext,
  type DestinationType,
  expectOk,
  PermanentError,
  RetryableError,
  SkippedError,
} from '../destination.ts';
import { identifierValues, liquidTemplate, templateScope } from './recipients.ts';

export const WechatTemplateConfig = z.object({
  appId: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]+$/, 'an AppID holds letters, digits, _ and - only')
    .describe('AppID of the Official Account (公众号), e.g. wx1234567890abcdef.'),
  appSecret: z.string().min(1).describe('AppSecret of the Official Account, used to get access tokens.'),
  apiBase: z
    .url({ protocol: /^https?$/ })
    .default('https://api.weixin.qq.com')
    .describe(
      'Base URL of the WeChat API; change it only for a forward proxy whose IP is on the account whitelist.',
    ),
  templateId: z.string().trim().min(1).describe('ID of the template in the Official Account backend.'),
  url: liquidTemplate()
    .optional()
    .describe(
      'Liquid template of the link the message opens, e.g. https://shop.example.cn/orders/{{ data.orderId }}.',
    ),
  miniprogram: z
    .object({
      appid: z.string().trim().min(1).describe('AppID of the Mini Program (linked to the Official Account).'),
      pagepath: liquidTemplate()
        .default('')
        .describe('Liquid template of the Mini Program page, e.g. pages/order/index?id={{ data.orderId }}.'),
    })
    .optional()
    .describe('Open a Mini Program page instead of the link (WeChat falls back to the link).'),
  data: z
    .record(
      z.string().regex(/^[A-Za-z0-9_]+$/, 'a template key holds letters, digits and _'),
      liquidTemplate(),
    )
    .describe(
      'Template fields: key (e.g. thing1, time2, amount3) → Liquid template of its value over ' +
        '{ profile, traits, event, audience, data, delivery }, e.g. {{ traits.name }}.',
    ),
});
export type WechatTemplateConfig = z.infer<typeof WechatTemplateConfig>;

/** Answers meaning the access token is invalid or expired (another process may have renewed it). */
const TOKEN_REJECTED = new Set([40001, 40014, 42001]);
/** System busy, API frequency limit. */
const RETRYABLE = new Set([-1, 45009]);
/** The user has not followed the Official Account (or unfollowed it). */
const NOT_SUBSCRIBED = 43004;
/** Renew this long before WeChat says the token expires (clocks, delivery latency). */
const TOKEN_MARGIN_MS = 5 * 60_000;

interface WechatAnswer {
  readonly errcode?: number;
  readonly errmsg?: string;
  readonly access_token?: string;
  readonly expires_in?: number;
}

export const wechatTemplateDestination: DestinationType<WechatTemplateConfig> = {
  type: 'wechat_template',
  category: 'wechat',
  label: { 'zh-CN': '微信公众号模板消息', en: 'WeChat Official Account template message' },
  configSchema: WechatTemplateConfig,
  secrets: ['appSecret'],
  urls: ['apiBase'],
  accepts: ['message', 'audience_change', 'event'],
  purposes: ['marketing'],
  async send(message, ctx) {
    const touser = openIdFor(message, ctx.config.appId);
    if (!touser)
      throw new SkippedError(`the profile has no OpenID for the Official Account ${ctx.config.appId}`);
    const body = JSON.stringify(await templateMessage(message, touser, ctx));
    const token = await accessToken(ctx);
    let answer = await post(ctx, token, body);
    // one renewal inside the delivery: a token WeChat dropped early is routine, not a failure
    if (TOKEN_REJECTED.has(answer.errcode ?? 0)) answer = await post(ctx, await renewToken(ctx, token), body);
    const code = answer.errcode ?? 0;
    if (code === 0) return;
    const said = `WeChat answered errcode ${code}: ${answer.errmsg ?? ''}`;
    if (code === NOT_SUBSCRIBED) throw new SkippedError(said);
    if (RETRYABLE.has(code) || TOKEN_REJECTED.has(code)) throw new RetryableError(said);
    throw new PermanentError(said);
  },
};

/**
 * The OpenID of this app: identifiers hold `appId/openId`. An OpenID is only meaningful to the app
 * that issued it, so one of another app (or of an unknown app, without the prefix) is never used.
 */
export function openIdFor(message: DeliveryMessage, appId: string): string | undefined {
  const prefix = `${appId}/`;
  const value = identifierValues(message, 'wechat_openid').find((v) => v.startsWith(prefix));
  return value?.slice(prefix.length) || undefined;
}

async function templateMessage(
  message: DeliveryMessage,
  touser: string,
  ctx: DestinationContext<WechatTemplateConfig>,
): Promise<Record<string, unknown>> {
  const { config } = ctx;
  const scope = templateScope(message);
  const data: Record<string, { value: string }> = {};
  for (const [key, template] of Object.entries(config.data))
    data[key] = { value: await ctx.render(template, scope) };
  const url = config.url ? (await ctx.render(config.url, scope)).trim() : '';
  return {
    touser,
    template_id: config.templateId,
    ...(url ? { url } : {}),
    ...(config.miniprogram
      ? {
          miniprogram: {
            appid: config.miniprogram.appid,
            pagepath: (await ctx.render(config.miniprogram.pagepath, scope)).trim(),
          },
        }
      : {}),
    data,
    // WeChat sends one message per (touser, client_msg_id): a retried delivery is not sent twice
    client_msg_id: message.id,
  };
}

function apiUrl(
  ctx: DestinationContext<WechatTemplateConfig>,
  path: string,
  query: Record<string, string>,
): string {
  return `${ctx.config.apiBase.replace(/\/+$/, '')}${path}?${new URLSearchParams(query)}`;
}

async function post(ctx: DestinationContext<WechatTemplateConfig>, token: string, body: string) {
  const url = apiUrl(ctx, '/cgi-bin/message/template/send', { access_token: token });
  const response = await expectOk(
    await ctx.fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      redirect: 'error',
    }),
    'WeChat',
  );
  return readAnswer(response);
}

const TOKEN_KEY = 'access_token';

/** The access token, shared by concurrent deliveries (one fetch) and renewed before it expires. */
function accessToken(ctx: DestinationContext<WechatTemplateConfig>): Promise<string> {
  return ctx.state.memo(TOKEN_KEY, async () => {
    const { appId, appSecret } = ctx.config;
    const url = apiUrl(ctx, '/cgi-bin/token', {
      grant_type: 'client_credential',
      appid: appId,
      secret: appSecret,
    });
    const answer = await readAnswer(
      await expectOk(await ctx.fetch(url, { redirect: 'error' }), 'WeChat token'),
    );
    if (!answer.access_token) {
      const said = `WeChat token answered errcode ${answer.errcode}: ${answer.errmsg ?? ''}`;
      throw RETRYABLE.has(answer.errcode ?? 0) ? new RetryableError(said) : new PermanentError(said);
    }
    const lifetimeMs = (answer.expires_in ?? 7200) * 1000;
    return { value: answer.access_token, ttlMs: Math.max(lifetimeMs - TOKEN_MARGIN_MS, lifetimeMs / 2) };
  });
}

/**
 * A new token after WeChat rejected `stale`. Deliveries that were rejected together must not each
 * fetch one: only the first finds `stale` still memoised and forgets it, the others get its new one.
 */
async function renewToken(ctx: DestinationContext<WechatTemplateConfig>, stale: string): Promise<string> {
  const current = await accessToken(ctx);
  if (current !== stale) return current;
  ctx.state.forget(TOKEN_KEY);
  return accessToken(ctx);
}

async function readAnswer(response: Response): Promise<WechatAnswer> {
  const text = await response.text();
  try {
    const json: unknown = JSON.parse(text);
    if (json !== null && typeof json === 'object') return json as WechatAnswer;
  } catch {
    // fall through: WeChat always answers JSON, anything else came from something in between
  }
  throw new RetryableError(`WeChat answered something else than JSON: ${text.slice(0, 200)}`);
}
