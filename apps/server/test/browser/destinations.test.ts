import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { Webhook } from 'standardwebhooks';
import {
  type HttpPeer,
  type RecordedRequest,
  startHttpPeer,
} from '../../src/modules/activation/http-peer.test-helper.ts';
import {
  browserUnavailable,
  consolePage,
  ensureConsoleBuilt,
  launchBrowser,
  logIn,
  screenshot,
} from '../support/browser.ts';
import { ADMIN, startTestServer, type TestServer } from '../support/test-server.ts';

const skip = browserUnavailable() ?? false;
const SECRET = `whsec_${Buffer.from('a browser test signing key 32 b!').toString('base64')}`;

describe('destinations (目标通道) in Chromium', { skip }, () => {
  let t: TestServer;
  let peer: HttpPeer;
  let browser: Browser;
  let page: Page;
  let destinationId = '';
  let seq = 0;
  /** how the peer answers: 400 is a permanent failure, dead-lettered at once */
  let answer: 'ok' | 'bad' = 'ok';
  const refused = new WeakSet<RecordedRequest>();
  const dialogs: string[] = [];

  /** The input of an antd field (some put the test id on the input, some on its wrapper). */
  const inputOf = (testId: string) =>
    page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
  /** The form item around a field, whose explain line shows the server's objection. */
  const itemOf = (testId: string) =>
    page
      .locator('.ant-form-item')
      .filter({ has: page.getByTestId(testId) })
      .last();
  /** A metric card once it shows `value` (the overview refreshes itself every few seconds). */
  const metric = (key: string, value: number) =>
    page.locator(`[data-testid="metric-${key}"][data-value="${value}"]`).waitFor({ timeout: 15_000 });
  /** Requests the peer answered with 200 at the webhook's path. */
  const hooked = () => peer.requests.filter((r) => r.url === '/hook' && !refused.has(r));
  /** Sends one Order Completed through the tracking API and runs the pipeline and the outbox. */
  const order = async (total: number) => {
    const res = await t.track('/v1/track', {
      type: 'track',
      messageId: `dst-browser-${++seq}`,
      userId: 'buyer-1',
      event: 'Order Completed',
      properties: { total },
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    await t.server.app.services.pipeline.drain();
    await t.server.app.services.deliveries.drain();
  };

  before(async () => {
    ensureConsoleBuilt();
    peer = await startHttpPeer((request, response) => {
      if (answer === 'ok') return;
      refused.add(request);
      response.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"bad field"}');
      return true;
    });
    t = await startTestServer('embedded', { CDP_DESTINATION_ALLOW_HOSTS: peer.host });
    browser = await launchBrowser();
    page = await consolePage(browser, dialogs);
  });
  after(async () => {
    await browser?.close();
    await t?.stop();
    await peer?.close();
  });

  it('opens the empty destination list from the menu and picks the webhook type', async () => {
    await logIn(page, t.url, ADMIN);
    await page.getByTestId('nav-destinations').click();
    await page.waitForURL(/\/destinations$/);
    await page.getByText('还没有目标通道').waitFor();
    await page.getByTestId('destination-create').click();
    await page.waitForURL(/\/destinations\/new$/);
    // the types, grouped by category, labelled in Chinese
    await page.getByTestId('destination-type-sms').filter({ hasText: '短信' }).waitFor();
    await page.getByTestId('destination-type-wechat_template').filter({ hasText: '微信公众号' }).waitFor();
    await screenshot(page, 'destinations-01-types');

    // the SMS form is a union: the provider picks the fields shown
    await page.getByTestId('destination-type-sms').click();
    await page.waitForURL(/\?type=sms$/);
    await page.getByTestId('config-provider').filter({ hasText: '通用 HTTP 网关' }).waitFor();
    await page.getByTestId('config-bodyTemplate').waitFor();
    await page.getByTestId('config-provider').click();
    await page.locator('.ant-select-item-option:visible').filter({ hasText: '阿里云短信' }).click();
    assert.equal(await page.getByTestId('config-accessKeySecret').getAttribute('type'), 'password');
    assert.equal(await inputOf('config-regionId').inputValue(), 'cn-hangzhou');
    assert.equal(await page.getByTestId('config-bodyTemplate').count(), 0);
    await screenshot(page, 'destinations-02-sms');
    await page.getByTestId('destination-change-type').click();
    await page.waitForURL(/\/destinations\/new$/);
    await page.getByTestId('destination-type-webhook').click();
    await page.waitForURL(/\/destinations\/new\?type=webhook$/);
  });

  it('renders the webhook form from its schema, shows the server’s objection on the field and saves', async () => {
    // defaults pre-filled from the schema
    assert.equal(await inputOf('config-timeoutMs').inputValue(), '10000');
    await itemOf('config-method').filter({ hasText: 'POST' }).waitFor();
    assert.equal(await page.getByTestId('config-signingSecret').getAttribute('type'), 'password');
    assert.equal(await page.getByTestId('config-bodyTemplate').evaluate((e) => e.tagName), 'TEXTAREA');

    await page.getByTestId('destination-name').fill('订单 Webhook');
    await page.getByTestId('config-url').fill(`${peer.url}/hook`);
    await page.getByTestId('config-signingSecret').fill('not-a-signing-secret');
    await page.getByTestId('destination-save').click();
    await itemOf('config-signingSecret').locator('.ant-form-item-explain-error').waitFor({ timeout: 10_000 });
    await screenshot(page, 'destinations-03-invalid');
    assert.deepEqual((await t.api.destinations.list()).items, [], 'nothing saved');

    await page.getByTestId('config-signingSecret').fill(SECRET);
    await page.getByTestId('destination-save').click();
    await page.waitForURL(/\/destinations\/dst_/);
    destinationId = new URL(page.url()).pathname.split('/')[2];

    const saved = await t.api.destinations.get(destinationId);
    assert.equal(saved.name, '订单 Webhook');
    assert.equal(saved.type, 'webhook');
    assert.equal(saved.config.url, `${peer.url}/hook`);
    assert.deepEqual(saved.secretsSet, ['signingSecret']);
    assert.deepEqual(saved.purposes, ['analytics']);
    assert.equal(JSON.stringify(saved).includes(SECRET), false, 'the secret is never returned');
    await page.getByTestId('destination-title').filter({ hasText: '订单 Webhook' }).waitFor();
  });

  it('edits the destination: the secret shows as set and is kept when left empty', async () => {
    await page.getByTestId('destination-edit').click();
    await page.waitForURL(/\/edit$/);
    await page.getByTestId('secret-set-signingSecret').waitFor();
    assert.equal(await page.getByTestId('config-signingSecret').inputValue(), '');
    assert.match((await page.getByTestId('config-signingSecret').getAttribute('placeholder')) ?? '', /留空/);
    assert.equal(await page.getByTestId('config-url').inputValue(), `${peer.url}/hook`);
    await page.getByTestId('destination-name').fill('订单 Webhook（生产）');
    await screenshot(page, 'destinations-04-edit');
    await page.getByTestId('destination-save').click();
    await page.waitForURL(new RegExp(`/destinations/${destinationId}$`));
    await page.getByTestId('destination-title').filter({ hasText: '订单 Webhook（生产）' }).waitFor();
    const saved = await t.api.destinations.get(destinationId);
    assert.equal(saved.name, '订单 Webhook（生产）');
    assert.deepEqual(saved.secretsSet, ['signingSecret']);
  });

  it('creates a real-time event sync with a field mapping in the console', async () => {
    await page.getByTestId('sync-create').click();
    const dialog = page.getByTestId('sync-dialog');
    await dialog.waitFor();
    await page.getByTestId('sync-name').fill('订单完成推送');
    await inputOf('sync-event-name').fill('Order Completed');
    await page.getByTestId('mapping-add').click();
    await page.getByTestId('mapping-to').fill('order.total');
    await page.getByTestId('mapping-from').fill('properties.total');
    await screenshot(page, 'destinations-05-sync');
    await page.getByTestId('sync-save').click();
    await page.getByTestId('sync-row').filter({ hasText: '订单完成推送' }).waitFor();

    const { items } = await t.api.syncs.list(destinationId);
    assert.equal(items.length, 1);
    assert.deepEqual(items[0].spec, {
      kind: 'events',
      mode: 'realtime',
      filter: { sources: [], events: [{ event: 'Order Completed' }] },
      mapping: [{ to: ['order', 'total'], from: ['properties', 'total'] }],
    });
    assert.equal(items[0].schedule, null);
  });

  it('delivers a tracked event, signed and mapped, and counts it on the detail page', async () => {
    await order(99);
    await metric('delivered', 1);
    const got = hooked();
    assert.equal(got.length, 1);
    assert.deepEqual((got[0].json as { data: unknown }).data, { order: { total: 99 } });
    const headers = Object.fromEntries(Object.entries(got[0].headers).map(([k, v]) => [k, String(v)]));
    assert.doesNotThrow(() => new Webhook(SECRET).verify(got[0].text, headers), 'signature verifies');

    await page.getByTestId('destination-tab-deliveries').click();
    const row = page.locator('[data-testid="delivery-row"][data-status="delivered"]');
    await row.waitFor({ timeout: 10_000 });
    const profile = await t.api.profiles.lookup('user_id', 'buyer-1');
    assert.equal(await row.getByTestId('delivery-profile').textContent(), profile.id);
    await screenshot(page, 'destinations-06-delivered');
  });

  it('dead-letters events the peer refuses and replays them once it accepts again', async () => {
    answer = 'bad';
    await order(120);
    await order(130);
    await metric('dead', 2);
    await page.getByTestId('deliveries-filter-dead').click();
    const dead = page.locator('[data-testid="delivery-row"][data-status="dead"]');
    await dead.nth(1).waitFor({ timeout: 10_000 });
    assert.equal(await dead.count(), 2);
    assert.equal(await dead.first().getByTestId('delivery-last-status').textContent(), '400');
    assert.match((await dead.first().getByTestId('delivery-error').textContent()) ?? '', /bad field/);
    await screenshot(page, 'destinations-07-dead');
    const deadIds = (await t.api.destinations.deliveries(destinationId, { status: 'dead' })).items.map(
      (d) => d.messageId,
    );

    answer = 'ok';
    // one by its row's button …
    await dead.first().getByTestId('delivery-replay').click();
    await page
      .locator('[data-testid="delivery-row"][data-status="dead"]')
      .nth(1)
      .waitFor({ state: 'detached' });
    await t.server.app.services.deliveries.drain();
    // … the rest with "replay all dead", confirmed
    await page.getByTestId('deliveries-replay-all').click();
    await page.getByTestId('deliveries-replay-confirm').click();
    await dead.first().waitFor({ state: 'detached', timeout: 10_000 });
    await t.server.app.services.deliveries.drain();

    await metric('delivered', 3);
    await metric('dead', 0);
    const keys = hooked().map((r) => String(r.headers['webhook-id']));
    assert.equal(hooked().length, 3);
    for (const id of deadIds) assert.ok(keys.includes(id), `replayed with the same key ${id}`);
    await page.getByTestId('deliveries-filter-delivered').click();
    await page.locator('[data-testid="delivery-row"][data-status="delivered"]').nth(2).waitFor();
    await screenshot(page, 'destinations-08-replayed');
  });

  it('sends a test message from the detail page', async () => {
    await page.getByTestId('destination-test').click();
    await page
      .locator('[data-testid="destination-test-result"][data-ok="true"]')
      .waitFor({ timeout: 10_000 });
  });

  it('lists the destination with its type and health, and disables it', async () => {
    await page.getByTestId('nav-destinations').click();
    const row = page.getByTestId('destination-row').filter({ hasText: '订单 Webhook（生产）' });
    await row.waitFor();
    await row.locator('[data-testid="health-delivered"][data-value="3"]').waitFor({ timeout: 15_000 });
    await row.locator('[data-testid="health-dead"][data-value="0"]').waitFor();
    await row.locator('[data-testid="destination-type"][data-type="webhook"]').waitFor();
    assert.match((await row.textContent()) ?? '', /分析/);
    await screenshot(page, 'destinations-09-list');

    await row.getByTestId('destination-link').click();
    await page.getByTestId('destination-enabled-switch').click();
    await page.getByTestId('destination-disabled').waitFor();
    assert.equal((await t.api.destinations.get(destinationId)).enabled, false);
  });

  it('switches the pages to English', async () => {
    await page.getByTestId('lang-switch').click();
    await page.getByTestId('metric-delivered').filter({ hasText: 'Delivered' }).waitFor();
    await page.getByTestId('destination-tab-syncs').filter({ hasText: 'Syncs' }).waitFor();
    await screenshot(page, 'destinations-10-english');
  });

  it('renders no script dialogs', () => {
    assert.deepEqual(dialogs, []);
  });
});
