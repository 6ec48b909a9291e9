import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { type DeliveryMessage, PermanentError, RetryableError, SkippedError } from '../destination.ts';
import { testContext } from '../destination-context.test-helper.ts';
import { EmailConfig, emailDestination as email, messageId } from './email.ts';

interface Received {
  readonly mail: ParsedMail;
  readonly rcptTo: string[];
}

/** A real SMTP server with a login, refusing some recipients the way mail servers do. */
async function startSmtpPeer() {
  const received: Received[] = [];
  const counts = { connections: 0 };
  const smtpError = (responseCode: number, text: string) => Object.assign(new Error(text), { responseCode });
  const server = new SMTPServer({
    logger: false,
    // plain text on 127.0.0.1: no certificate to make up for a test
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    onConnect(_session, callback) {
      counts.connections++;
      callback();
    },
    onAuth(auth, _session, callback) {
      if (auth.username === 'cdp@brand.example' && auth.password === 'smtp-pass')
        return callback(null, { user: 1 });
      callback(smtpError(535, 'Authentication failed'));
    },
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('busy@'))
        return callback(smtpError(451, 'Temporary local problem, try again later'));
      if (address.address.startsWith('nobody@')) return callback(smtpError(550, 'No such user here'));
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push({ mail, rcptTo: session.envelope.rcptTo.map((a) => a.address) });
          callback();
        },
        (err: Error) => callback(err),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, received, counts, close: () => new Promise<void>((resolve) => server.close(resolve)) };
}

function message(overrides: Partial<DeliveryMessage> = {}): DeliveryMessage {
  return {
    id: 'dlv_01JEMAIL000000000000000001',
    kind: 'message',
    workspaceId: 'ws_test',
    at: '2025-06-01T08:00:00.000Z',
    profile: {
      id: 'prof_1',
      traits: { name: '王小明', level: '金卡' },
      identifiers: [{ type: 'email', value: 'xiaoming@example.cn' }],
    },
    data: { coupon: 'SUMMER50' },
    ...overrides,
  };
}

const profileWith = (email: string) => ({
  id: 'p',
  traits: {},
  identifiers: [{ type: 'email', value: email }],
});

describe('email destination (SMTP)', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;
  before(async () => {
    smtp = await startSmtpPeer();
  });
  after(() => smtp.close());

  const config = (overrides: Record<string, unknown> = {}) => ({
    host: '127.0.0.1',
    port: smtp.port,
    secure: false,
    user: 'cdp@brand.example',
    password: 'smtp-pass',
    from: '某某商城 <noreply@Brand.example>',
    replyTo: 'service@brand.example',
    subjectTemplate: '{{ traits.name }}，您好',
    htmlTemplate:
      '<p>尊敬的{{ traits.level }}会员{{ traits.name | escape }}：</p><p>优惠码 <b>{{ data.coupon }}</b></p>',
    textTemplate: '尊敬的{{ traits.name }}：优惠码 {{ data.coupon }}',
    ...overrides,
  });

  it('sends the rendered mail with a Message-ID from the delivery id, over one pooled connection', async () => {
    const { ctx, close } = testContext(email, config());
    const connectionsBefore = smtp.counts.connections;
    await email.send(message(), ctx);
    await email.send(message({ id: 'dlv_01JEMAIL000000000000000002' }), ctx);
    await email.send(message({ id: 'dlv_01JEMAIL000000000000000003' }), ctx);
    await close();

    assert.equal(smtp.counts.connections - connectionsBefore, 1, 'the transport is kept between deliveries');
    const { mail, rcptTo } = smtp.received.at(-3)!;
    assert.deepEqual(rcptTo, ['xiaoming@example.cn']);
    assert.deepEqual(mail.from?.value, [{ name: '某某商城', address: 'noreply@brand.example' }]);
    assert.equal(mail.replyTo?.text, 'service@brand.example');
    assert.equal(mail.subject, '王小明，您好');
    assert.equal(mail.html, '<p>尊敬的金卡会员王小明：</p><p>优惠码 <b>SUMMER50</b></p>');
    assert.equal(mail.text?.trim(), '尊敬的王小明：优惠码 SUMMER50');
    assert.equal(mail.messageId, '<dlv_01JEMAIL000000000000000001@brand.example>');
    assert.equal(mail.headers.get('x-cdp-delivery-id'), 'dlv_01JEMAIL000000000000000001');
    assert.equal(smtp.received.at(-1)!.mail.messageId, '<dlv_01JEMAIL000000000000000003@brand.example>');
  });

  it('falls back to the email trait, normalised', async () => {
    const { ctx, close } = testContext(email, config());
    const profile = { id: 'p', traits: { name: '赵六', email: ' Zhao.Liu@Example.CN ' }, identifiers: [] };
    await email.send(message({ profile }), ctx);
    await close();
    assert.deepEqual(smtp.received.at(-1)!.rcptTo, ['zhao.liu@example.cn']);
  });

  it('retries a 4xx answer and gives up on a 5xx one', async () => {
    const { ctx, close } = testContext(email, config());
    await assert.rejects(email.send(message({ profile: profileWith('busy@example.cn') }), ctx), (err) => {
      assert.ok(err instanceof RetryableError, String(err));
      assert.equal(err.details.status, 451);
      return true;
    });
    await assert.rejects(email.send(message({ profile: profileWith('nobody@example.cn') }), ctx), (err) => {
      assert.ok(err instanceof PermanentError, String(err));
      assert.equal(err.details.status, 550);
      return true;
    });
    // the pooled connection still works after refusals
    await email.send(message(), ctx);
    await close();
  });

  it('reports a wrong password as permanent', async () => {
    const { ctx, close } = testContext(email, config({ password: 'wrong' }));
    const before = smtp.received.length;
    await assert.rejects(email.send(message(), ctx), (err) => {
      assert.ok(err instanceof PermanentError, String(err));
      assert.equal(err.details.status, 535);
      return true;
    });
    await close();
    assert.equal(smtp.received.length, before);
  });

  it('retries when the server cannot be reached', async () => {
    const closed = await startSmtpPeer();
    await closed.close();
    const { ctx, close } = testContext(email, config({ port: closed.port }));
    await assert.rejects(email.send(message(), ctx), RetryableError);
    await close();
  });

  it('skips a profile without an address', async () => {
    const { ctx, close } = testContext(email, config());
    const profile = {
      id: 'p',
      traits: { email: 'not-an-address' },
      identifiers: [{ type: 'phone', value: '+8613800138000' }],
    };
    await assert.rejects(email.send(message({ profile }), ctx), SkippedError);
    await assert.rejects(email.send(message({ profile: undefined }), ctx), SkippedError);
    await close();
  });

  it('keeps a Message-ID valid whatever the delivery id holds', () => {
    assert.equal(messageId('dlv_1.a-b', 'x@y.example'), '<dlv_1.a-b@y.example>');
    assert.equal(
      messageId('a b>c', '"Shop" <n@shop.example>'),
      `<${Buffer.from('a b>c').toString('hex')}@shop.example>`,
    );
    assert.equal(messageId('dlv_1', 'no-domain'), '<dlv_1@cdp.invalid>');
  });

  it('refuses a broken template when the config is saved', () => {
    assert.equal(EmailConfig.safeParse(config()).success, true);
    assert.equal(EmailConfig.safeParse(config({ subjectTemplate: '{% if %}' })).success, false);
  });
});
