import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { type DeliveryMessage, PermanentError, RetryableError, SkippedError } from '../destination.ts';
import { testContext } from '../destination-context.test-helper.ts';
import { type HttpPeer, type RecordedRequest, startHttpPeer } from '../http-peer.test-helper.ts';
import { aliyunSignature, SmsConfig, smsDestination } from './sms.ts';

function message(overrides: Partial<DeliveryMessage> = {}): DeliveryMessage {
  return {
    id: 'dlv_01JSMS0000000000000000001',
    kind: 'message',
    workspaceId: 'ws_test',
    at: '2025-06-01T08:00:00.000Z',
    profile: {
      id: 'prof_1',
      traits: { name: '张三' },
      identifiers: [{ type: 'phone', value: '+8613800138000' }],
    },
    data: { code: '4821' },
    ...overrides,
  };
}

/** RFC 3986 encoding written apart from the code under test: byte by byte over UTF-8. */
function rfc3986(value: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-_.~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** The peer's own check of an Alibaba Cloud RPC signature, recomputed from the received form. */
function signatureHolds(params: Record<string, string>, secret: string): boolean {
  const { Signature, ...signed } = params;
  const canonical = Object.keys(signed)
    .sort()
    .map((name) => `${rfc3986(name)}=${rfc3986(signed[name])}`)
    .join('&');
  const expected = createHmac('sha1', `${secret}&`)
    .update(`POST&${rfc3986('/')}&${rfc3986(canonical)}`)
    .digest('base64');
  return Signature === expected;
}

const formOf = (request: RecordedRequest) => Object.fromEntries(new URLSearchParams(request.text));

const SECRET = 'aliyun-secret-密钥+/=';

describe('sms destination: Alibaba Cloud', () => {
  let peer: HttpPeer;
  before(async () => {
    // plays dysmsapi: refuses a bad signature as Alibaba Cloud does, throttles one number
    peer = await startHttpPeer((request, response) => {
      const params = formOf(request);
      const answer = (status: number, body: object) =>
        response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (request.method !== 'POST' || request.url !== '/')
        return answer(404, { Code: 'InvalidAction.NotFound' });
      if (!signatureHolds(params, SECRET)) return answer(400, { Code: 'SignatureDoesNotMatch' });
      if (params.PhoneNumbers === '13900000001')
        return answer(200, { Code: 'isv.BUSINESS_LIMIT_CONTROL', Message: '触发分钟级流控Permits:1' });
      if (params.PhoneNumbers === '13900000002')
        return answer(400, {
          Code: 'Throttling.User',
          Message: 'Request was denied due to user flow control.',
        });
      if (params.PhoneNumbers === '13900000003') return answer(200, { Code: 'isv.MOBILE_NUMBER_ILLEGAL' });
      return answer(200, { Code: 'OK', Message: 'OK', BizId: '900619746936498440^0', RequestId: 'req-1' });
    });
  });
  after(() => peer.close());

  const config = (overrides: Record<string, unknown> = {}) => ({
    provider: 'aliyun',
    endpoint: `${peer.url}/`,
    accessKeyId: 'LTAI5tTestKeyId',
    accessKeySecret: SECRET,
    signName: '某某商城',
    templateCode: 'SMS_154950909',
    templateParams: { name: '{{ traits.name }}', code: '{{ data.code }}' },
    ...overrides,
  });

  it('signs as the documented example does', () => {
    // Alibaba Cloud's published SendSms example (GET, XML)
    const params = {
      AccessKeyId: 'testId',
      Action: 'SendSms',
      Format: 'XML',
      OutId: '123',
      PhoneNumbers: '15300000001',
      RegionId: 'cn-hangzhou',
      SignName: '阿里云短信测试专用',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '45e25e9b-0a6f-4070-8c85-2956eda1b466',
      SignatureVersion: '1.0',
      TemplateCode: 'SMS_71390007',
      TemplateParam: '{"customer":"test"}',
      Timestamp: '2017-07-12T02:42:19Z',
      Version: '2017-05-25',
    };
    assert.equal(aliyunSignature('GET', params, 'testSecret'), 'zJDF+Lrzhj/ThnlvIToysFRq6t4=');
  });

  it('sends SendSms with every parameter, signed, the mainland number as 11 digits', async () => {
    const { ctx, close } = testContext(smsDestination, config(), { allow: [peer.host] });
    const before = peer.requests.length;
    const started = Date.now();
    // characters encodeURIComponent leaves alone but the signature encodes: ! ' ( ) * and a space
    const profile = {
      id: 'prof_1',
      traits: { name: "张三 (VIP)!*'~" },
      identifiers: [{ type: 'phone', value: '+8613800138000' }],
    };
    await smsDestination.send(message({ profile }), ctx);
    await smsDestination.send(message({ id: 'dlv_01JSMS0000000000000000002' }), ctx);
    await close();

    const [first, second] = peer.requests.slice(before);
    assert.match(String(first.headers['content-type']), /^application\/x-www-form-urlencoded/);
    const params = formOf(first);
    assert.ok(signatureHolds(params, SECRET), 'the peer recomputes the same signature');
    assert.ok(!signatureHolds(params, 'another-secret'), 'and a different secret gives another one');
    assert.deepEqual(
      {
        Action: params.Action,
        Version: params.Version,
        Format: params.Format,
        AccessKeyId: params.AccessKeyId,
        SignatureMethod: params.SignatureMethod,
        SignatureVersion: params.SignatureVersion,
        PhoneNumbers: params.PhoneNumbers,
        SignName: params.SignName,
        TemplateCode: params.TemplateCode,
        OutId: params.OutId,
      },
      {
        Action: 'SendSms',
        Version: '2017-05-25',
        Format: 'JSON',
        AccessKeyId: 'LTAI5tTestKeyId',
        SignatureMethod: 'HMAC-SHA1',
        SignatureVersion: '1.0',
        PhoneNumbers: '13800138000',
        SignName: '某某商城',
        TemplateCode: 'SMS_154950909',
        OutId: 'dlv_01JSMS0000000000000000001',
      },
    );
    assert.deepEqual(JSON.parse(params.TemplateParam), { name: "张三 (VIP)!*'~", code: '4821' });
    assert.match(params.Timestamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.ok(Math.abs(Date.parse(params.Timestamp) - started) < 60_000);
    assert.match(params.SignatureNonce, /^[0-9a-f-]{36}$/);
    const next = formOf(second);
    assert.notEqual(next.SignatureNonce, params.SignatureNonce, 'a fresh nonce per request');
    assert.equal(next.OutId, 'dlv_01JSMS0000000000000000002');
    assert.ok(signatureHolds(next, SECRET));
  });

  it('writes numbers outside the mainland with their country code, no plus', async () => {
    const { ctx, close } = testContext(smsDestination, config(), { allow: [peer.host] });
    const profile = { id: 'prof_hk', traits: {}, identifiers: [{ type: 'phone', value: '+85261234567' }] };
    await smsDestination.send(message({ profile }), ctx);
    await close();
    assert.equal(formOf(peer.requests.at(-1)!).PhoneNumbers, '85261234567');
  });

  it('reads the number from a trait when the profile has no phone identifier', async () => {
    const { ctx, close } = testContext(smsDestination, config({ phoneTrait: 'contact.mobile' }), {
      allow: [peer.host],
    });
    const profile = { id: 'prof_t', traits: { contact: { mobile: '138 0013 8001' } }, identifiers: [] };
    await smsDestination.send(message({ profile }), ctx);
    await close();
    assert.equal(formOf(peer.requests.at(-1)!).PhoneNumbers, '13800138001');
  });

  it('retries throttling and gives up on other codes', async () => {
    const { ctx, close } = testContext(smsDestination, config(), { allow: [peer.host] });
    const to = (phone: string) =>
      message({ profile: { id: 'p', traits: {}, identifiers: [{ type: 'phone', value: phone }] } });
    await assert.rejects(smsDestination.send(to('+8613900000001'), ctx), RetryableError);
    await assert.rejects(smsDestination.send(to('+8613900000002'), ctx), (err) => {
      assert.ok(err instanceof RetryableError);
      assert.equal(err.details.status, 400);
      return true;
    });
    await assert.rejects(smsDestination.send(to('+8613900000003'), ctx), (err) => {
      assert.ok(err instanceof PermanentError);
      assert.match(err.message, /isv\.MOBILE_NUMBER_ILLEGAL/);
      return true;
    });
    await close();
  });

  it('reports a signature the peer refuses as permanent', async () => {
    const { ctx, close } = testContext(smsDestination, config({ accessKeySecret: 'wrong' }), {
      allow: [peer.host],
    });
    await assert.rejects(smsDestination.send(message(), ctx), (err) => {
      assert.ok(err instanceof PermanentError);
      assert.match(err.message, /SignatureDoesNotMatch/);
      return true;
    });
    await close();
  });

  it('skips a profile without a mobile number, sending nothing', async () => {
    const { ctx, close } = testContext(smsDestination, config({ phoneTrait: 'mobile' }), {
      allow: [peer.host],
    });
    const before = peer.requests.length;
    const profile = { id: 'p', traits: { mobile: 'n/a' }, identifiers: [{ type: 'email', value: 'a@b.cn' }] };
    await assert.rejects(smsDestination.send(message({ profile }), ctx), SkippedError);
    await assert.rejects(smsDestination.send(message({ profile: undefined }), ctx), SkippedError);
    await close();
    assert.equal(peer.requests.length, before);
  });
});

describe('sms destination: generic HTTP provider', () => {
  let peer: HttpPeer;
  let answer: { status: number; body: string } = { status: 200, body: '{"result":{"code":0}}' };
  before(async () => {
    peer = await startHttpPeer((_request, response) => {
      response.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
    });
  });
  after(() => peer.close());

  const config = () => ({
    provider: 'generic',
    url: `${peer.url}/v2/sms/send`,
    headers: { 'X-App-Id': 'cdp' },
    secretHeaders: { Authorization: 'Bearer s3cret' },
    bodyTemplate:
      '{"mobile": {{ phone | json }}, "text": {{ "【某某商城】" | append: traits.name | append: "，验证码 " | append: data.code | json }}, "ref": {{ delivery.id | json }}}',
    success: { path: 'result.code', equals: '0' },
    retryableCodes: ['RATE_LIMIT*'],
  });

  it('posts the rendered body with the headers, valid JSON even for quotes in traits', async () => {
    answer = { status: 200, body: '{"result":{"code":0}}' };
    const { ctx, close } = testContext(smsDestination, config(), { allow: [peer.host] });
    const profile = {
      id: 'p',
      traits: { name: '张"三' },
      identifiers: [{ type: 'phone', value: '+8613800138000' }],
    };
    await smsDestination.send(message({ profile }), ctx);
    await close();
    const request = peer.requests.at(-1)!;
    assert.equal(request.method, 'POST');
    assert.equal(request.url, '/v2/sms/send');
    assert.equal(request.headers.authorization, 'Bearer s3cret');
    assert.equal(request.headers['x-app-id'], 'cdp');
    assert.equal(request.headers['idempotency-key'], 'dlv_01JSMS0000000000000000001');
    assert.match(String(request.headers['content-type']), /^application\/json/);
    assert.deepEqual(request.json, {
      mobile: '+8613800138000',
      text: '【某某商城】张"三，验证码 4821',
      ref: 'dlv_01JSMS0000000000000000001',
    });
  });

  it('reads failure from the answer: listed codes retry, others and unreadable answers do not', async () => {
    const { ctx, close } = testContext(smsDestination, config(), { allow: [peer.host] });
    const cases: ReadonlyArray<readonly [number, string, unknown]> = [
      [200, '{"result":{"code":"RATE_LIMITED"}}', RetryableError],
      [429, '{"result":{"code":"RATE_LIMIT_DAY"}}', RetryableError],
      [200, '{"result":{"code":"BAD_MOBILE"}}', PermanentError],
      [200, 'ok', PermanentError],
      [503, 'maintenance', RetryableError],
      [401, '{"error":"unauthorized"}', PermanentError],
    ];
    for (const [status, body, expected] of cases) {
      answer = { status, body };
      await assert.rejects(smsDestination.send(message(), ctx), expected as never, `${status} ${body}`);
    }
    answer = { status: 200, body: '{"result":{"code":"0"}}' };
    await smsDestination.send(message(), ctx);
    await close();
  });

  it('refuses a broken template or header when the config is saved', () => {
    assert.equal(SmsConfig.safeParse(config()).success, true);
    assert.equal(SmsConfig.safeParse({ ...config(), bodyTemplate: '{"m": {{ phone ' }).success, false);
    assert.equal(SmsConfig.safeParse({ ...config(), headers: { 'X-A': 'a\r\nX-B: b' } }).success, false);
    assert.equal(SmsConfig.safeParse({ ...config(), url: 'file:///etc/passwd' }).success, false);
  });
});
