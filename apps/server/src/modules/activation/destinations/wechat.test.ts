import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import pino from 'pino';
import {
  type DeliveryMessage,
  type DestinationContext,
  PermanentError,
  RetryableError,
  SkippedError,
} from '../destination.ts';
import { testContext } from '../destination-context.test-helper.ts';
import { destinationContext } from '../destination-context.ts';
import { MemoryDestinationState } from '../destination-state.ts';
import { type HttpPeer, startHttpPeer } from '../http-peer.test-helper.ts';
import { createSafeFetch, DEFAULT_EGRESS } from '../safe-fetch.ts';
import { type WechatTemplateConfig, wechatTemplateDestination as wechat } from './wechat.ts';

const APP_ID = 'wx1234567890abcdef';
const APP_SECRET = 'app-secret-0123456789';

function message(openIds: readonly string[], id = 'dlv_01JWX0000000000000000001'): DeliveryMessage {
  return {
    id,
    kind: 'message',
    workspaceId: 'ws_test',
    at: '2025-06-01T08:00:00.000Z',
    profile: {
      id: 'prof_1',
      traits: { name: '李四' },
      identifiers: [
        { type: 'wechat_unionid', value: 'oUnion123' },
        ...openIds.map((value) => ({ type: 'wechat_openid', value })),
      ],
    },
    data: { orderId: 'A1001', amount: '99.00' },
  };
}

/** Plays api.weixin.qq.com: issues tokens (a new one replaces the old), checks and answers sends. */
class WechatPeer {
  tokenFetches = 0;
  /** tokens the peer accepts; `expire()` empties it */
  valid = new Set<string>();
  /** every token WeChat rejects, as after an AppSecret reset */
  rejectAll = false;
  sends: Array<{ token: string | null; body: Record<string, unknown> }> = [];
  http!: HttpPeer;

  async start(): Promise<void> {
    this.http = await startHttpPeer(async (request, response) => {
      const url = new URL(request.url, 'http://peer');
      const reply = (body: object) =>
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (url.pathname === '/cgi-bin/token' && request.method === 'GET') {
        const q = Object.fromEntries(url.searchParams);
        if (q.grant_type !== 'client_credential' || q.appid !== APP_ID || q.secret !== APP_SECRET)
          return reply({ errcode: 40125, errmsg: 'invalid appsecret' });
        this.tokenFetches++;
        const token = `TOKEN_${this.tokenFetches}`;
        // slow enough that concurrent deliveries overlap while the token is on its way
        await sleep(50);
        this.valid = new Set([token]);
        return reply({ access_token: token, expires_in: 7200 });
      }
      if (url.pathname === '/cgi-bin/message/template/send' && request.method === 'POST') {
        const token = url.searchParams.get('access_token');
        const body = request.json as Record<string, unknown>;
        this.sends.push({ token, body });
        if (this.rejectAll || !token || !this.valid.has(token))
          return reply({ errcode: 42001, errmsg: 'access_token expired' });
        if (body.touser === 'oUnsubscribed') return reply({ errcode: 43004, errmsg: 'require subscribe' });
        if (body.touser === 'oBusy')
          return reply({ errcode: 45009, errmsg: 'reach max api daily quota limit' });
        if (body.touser === 'oInvalid') return reply({ errcode: 40003, errmsg: 'invalid openid' });
        return reply({ errcode: 0, errmsg: 'ok', msgid: 200228332 });
      }
      response.writeHead(404).end();
    });
  }

  reset(): void {
    this.tokenFetches = 0;
    this.valid = new Set();
    this.rejectAll = false;
    this.sends = [];
    this.http.requests.length = 0;
  }
}

describe('wechat template message destination', () => {
  const peer = new WechatPeer();
  before(() => peer.start());
  beforeEach(() => peer.reset());
  after(() => peer.http.close());

  const config = (overrides: Partial<WechatTemplateConfig> = {}) => ({
    appId: APP_ID,
    appSecret: APP_SECRET,
    apiBase: peer.http.url,
    templateId: 'tmpl_ngqIpbwh8bUfcSsECmogfXcV14J0tQlEpBO27izEYtY',
    url: 'https://shop.example.cn/orders/{{ data.orderId }}',
    miniprogram: { appid: 'wxminiapp00000001', pagepath: 'pages/order/index?id={{ data.orderId }}' },
    data: { thing1: '{{ traits.name }}', amount2: '{{ data.amount }}元' },
    ...overrides,
  });

  it('gets a token and sends the template message to the OpenID of this app', async () => {
    const { ctx, close } = testContext(wechat, config(), { allow: [peer.http.host] });
    await wechat.send(message([`wxOther0000000001/oOtherApp`, `${APP_ID}/oUser123`]), ctx);
    await close();

    const tokenRequest = peer.http.requests.find((r) => r.url.startsWith('/cgi-bin/token'));
    assert.ok(tokenRequest);
    assert.deepEqual(Object.fromEntries(new URL(tokenRequest.url, 'http://peer').searchParams), {
      grant_type: 'client_credential',
      appid: APP_ID,
      secret: APP_SECRET,
    });
    assert.equal(peer.sends.length, 1);
    assert.equal(peer.sends[0].token, 'TOKEN_1');
    assert.deepEqual(peer.sends[0].body, {
      touser: 'oUser123',
      template_id: 'tmpl_ngqIpbwh8bUfcSsECmogfXcV14J0tQlEpBO27izEYtY',
      url: 'https://shop.example.cn/orders/A1001',
      miniprogram: { appid: 'wxminiapp00000001', pagepath: 'pages/order/index?id=A1001' },
      data: { thing1: { value: '李四' }, amount2: { value: '99.00元' } },
      client_msg_id: 'dlv_01JWX0000000000000000001',
    });
  });

  it('never uses an OpenID of another app, nor one whose app is unknown', async () => {
    const { ctx, close } = testContext(wechat, config(), { allow: [peer.http.host] });
    await assert.rejects(wechat.send(message(['wxOther0000000001/oOtherApp', 'oNoAppKnown']), ctx), (err) => {
      assert.ok(err instanceof SkippedError);
      assert.match(err.message, new RegExp(APP_ID));
      return true;
    });
    // an AppID that is a prefix of another must not match it either
    await assert.rejects(wechat.send(message([`${APP_ID}0/oLonger`]), ctx), SkippedError);
    await close();
    assert.equal(peer.http.requests.length, 0, 'nothing sent, not even a token request');
  });

  it('shares one token fetch among concurrent sends, and one renewal after WeChat expires it', async () => {
    const { ctx, close } = testContext(wechat, config(), { allow: [peer.http.host] });
    const openId = [`${APP_ID}/oUser123`];
    await Promise.all(Array.from({ length: 10 }, (_, i) => wechat.send(message(openId, `dlv_a${i}`), ctx)));
    assert.equal(peer.tokenFetches, 1);
    assert.equal(peer.sends.length, 10);
    assert.ok(peer.sends.every((s) => s.token === 'TOKEN_1'));

    peer.valid.clear(); // WeChat dropped the token before its time (42001)
    await Promise.all(Array.from({ length: 5 }, (_, i) => wechat.send(message(openId, `dlv_b${i}`), ctx)));
    await close();
    assert.equal(peer.tokenFetches, 2, 'one renewal for the five rejected sends');
    const later = peer.sends.slice(10);
    assert.equal(later.filter((s) => s.token === 'TOKEN_1').length, 5);
    assert.equal(later.filter((s) => s.token === 'TOKEN_2').length, 5);
    // each delivery retried inside itself with the same client_msg_id
    assert.deepEqual(
      later.filter((s) => s.token === 'TOKEN_2').map((s) => s.body.client_msg_id),
      later.filter((s) => s.token === 'TOKEN_1').map((s) => s.body.client_msg_id),
    );
  });

  it('renews the token only once per delivery', async () => {
    const { ctx, close } = testContext(wechat, config(), { allow: [peer.http.host] });
    peer.rejectAll = true;
    await assert.rejects(wechat.send(message([`${APP_ID}/oUser123`]), ctx), RetryableError);
    await close();
    assert.equal(peer.sends.length, 2);
    assert.equal(peer.tokenFetches, 2);
  });

  it('maps WeChat error codes', async () => {
    const { ctx, close } = testContext(wechat, config(), { allow: [peer.http.host] });
    const to = (openId: string) => message([`${APP_ID}/${openId}`]);
    await assert.rejects(wechat.send(to('oUnsubscribed'), ctx), SkippedError);
    await assert.rejects(wechat.send(to('oBusy'), ctx), RetryableError);
    await assert.rejects(wechat.send(to('oInvalid'), ctx), (err) => {
      assert.ok(err instanceof PermanentError);
      assert.match(err.message, /40003/);
      return true;
    });
    await close();
    assert.equal(peer.tokenFetches, 1);
  });

  it('reports a wrong AppSecret as permanent', async () => {
    const { ctx, close } = testContext(wechat, config({ appSecret: 'wrong' }), { allow: [peer.http.host] });
    await assert.rejects(wechat.send(message([`${APP_ID}/oUser123`]), ctx), (err) => {
      assert.ok(err instanceof PermanentError);
      assert.match(err.message, /40125/);
      return true;
    });
    await close();
    assert.equal(peer.sends.length, 0);
  });

  it('fetches a new token five minutes before expires_in runs out', async () => {
    let now = Date.parse('2025-06-01T08:00:00Z');
    const fetch = createSafeFetch({
      policy: { ...DEFAULT_EGRESS, allow: [peer.http.host] },
      timeoutMs: 5_000,
    });
    const state = new MemoryDestinationState(() => now);
    const ctx: DestinationContext<WechatTemplateConfig> = destinationContext({
      destinationId: 'dst_wx',
      config: wechat.configSchema.parse(config()),
      fetch,
      state,
      log: pino({ level: 'silent' }),
      signal: new AbortController().signal,
      exportRoot: '.',
    });
    const send = () => wechat.send(message([`${APP_ID}/oUser123`]), ctx);
    await send();
    now += (7200 - 300) * 1000 - 1_000;
    await send();
    assert.equal(peer.tokenFetches, 1, 'still fresh just before the margin');
    now += 2_000;
    await send();
    assert.equal(peer.tokenFetches, 2, 'renewed inside the margin');
    await state.close();
    await fetch.close();
  });
});
