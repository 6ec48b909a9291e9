import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
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
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

describe('profiles 360° view in Chromium', { skip }, () => {
  let t: TestServer;
  let browser: Browser;
  let page: Page;
  let pos: { id: string; writeKey: string };
  let mergedId = '';
  const dialogs: string[] = [];

  const send = async (path: string, body: unknown, writeKey?: string) => {
    const res = await t.track(path, body, writeKey ? { writeKey } : {});
    assert.equal(res.status, 200, JSON.stringify(res.body));
  };
  /**
   * Clicks until `done` shows up: on a busy 2-CPU runner a click during an antd open/switch
   * animation is occasionally lost, which a person would simply repeat.
   */
  const clickUntil = async (target: Locator, done: Locator) => {
    for (let attempt = 1; ; attempt++) {
      await target.click();
      try {
        await done.first().waitFor({ timeout: 5_000 });
        return;
      } catch (err) {
        if (attempt === 3) throw err;
      }
    }
  };
  const openTab = (key: string) =>
    clickUntil(
      page.getByTestId(`profile-tab-${key}`),
      page.locator('.ant-tabs-tab-active', { has: page.getByTestId(`profile-tab-${key}`) }),
    );
  /** The open dropdown's option with this text (closed dropdowns stay in the DOM, hidden). */
  const option = (text: string | RegExp) =>
    page.locator('.ant-select-item-option:visible').filter({ hasText: text }).first();

  before(async () => {
    ensureConsoleBuilt();
    t = await startTestServer('embedded');
    const source = await t.api.sources.create({ name: '门店 POS', type: 'pos' });
    pos = { id: source.id, writeKey: source.writeKey };

    await send('/v1/page', {
      anonymousId: 'anon-web-1',
      name: '首页',
      messageId: 'web-page-1',
      timestamp: minutesAgo(30),
    });
    await send('/v1/track', {
      userId: 'u-1001',
      event: 'Signed Up',
      messageId: 'web-signup-1',
      timestamp: minutesAgo(25),
    });
    await t.server.app.services.pipeline.drain();
    // two profiles until the identify links them; the later one is merged into the earlier one
    mergedId = (await t.api.profiles.lookup('user_id', 'u-1001')).id;
    assert.notEqual(mergedId, (await t.api.profiles.lookup('anonymous_id', 'anon-web-1')).id);
    await send('/v1/identify', {
      userId: 'u-1001',
      anonymousId: 'anon-web-1',
      messageId: 'web-identify-1',
      timestamp: minutesAgo(20),
      traits: { name: '王小明', phone: '13800138000', email: 'xm@163.com' },
    });
    await send(
      '/v1/track',
      {
        anonymousId: 'pos-device-7',
        event: 'Order Completed',
        messageId: 'pos-order-1',
        timestamp: minutesAgo(10),
        properties: { order_id: 'POS-0001', revenue: 299, currency: 'CNY' },
        context: { traits: { phone: '+86 138 0013 8000', member_id: 'M1001' } },
      },
      pos.writeKey,
    );
    await t.server.app.services.pipeline.drain();
    const profile = await t.api.profiles.lookup('user_id', 'u-1001');
    assert.ok(profile.identifiers.some((i) => i.type === 'member_id' && i.value === 'M1001'));
    assert.notEqual(profile.id, mergedId);

    browser = await launchBrowser();
    page = await consolePage(browser, dialogs, { width: 1440, height: 960 });
  });
  after(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('logs in and finds the customer by phone prefix', async () => {
    await logIn(page, t.url, ADMIN);

    await page.getByTestId('nav-profiles').click();
    await page.waitForURL(/\/profiles$/);
    await page.getByTestId('profile-search-field').click();
    await option('手机号').click();
    const input = page.getByTestId('profile-search-input').locator('input'); // the test id is on the wrapper
    await input.fill('138001');
    await input.press('Enter');
    const row = page.getByTestId('profile-result-row').filter({ hasText: '王小明' });
    await row.waitFor({ timeout: 10_000 });
    assert.equal(await page.getByTestId('profile-result-row').count(), 1);
    assert.match((await row.textContent()) ?? '', /M1001/);
    assert.match(page.url(), /q=138001/);
    assert.match(page.url(), /field=phone/);
    await screenshot(page, 'profiles-01-search');
  });

  it('opens the 360° view with identifiers, the evidence graph and an explained link', async () => {
    await page.getByTestId('profile-result-link').first().click();
    await page.waitForURL(/\/profiles\/prof_/);
    await page.getByTestId('profile-name').filter({ hasText: '王小明' }).waitFor();
    const identifiers = page.getByTestId('identifier-row');
    await identifiers.filter({ hasText: 'M1001' }).waitFor();
    for (const value of ['u-1001', '+8613800138000', 'xm@163.com', 'anon-web-1', 'pos-device-7'])
      await identifiers.filter({ hasText: value }).waitFor();
    const graph = page.getByTestId('evidence-graph');
    await graph.locator('canvas').first().waitFor();
    assert.equal(await graph.getAttribute('data-nodes'), '6');
    await page.getByTestId('evidence-row').filter({ hasText: '门店 POS / pos-order-1' }).waitFor();

    // searchable selects: type to filter, Enter picks the first match
    for (const [select, text] of [
      ['explain-from', 'u-1001'],
      ['explain-to', 'M1001'],
    ] as const) {
      await page.getByTestId(select).click();
      await page.keyboard.type(text);
      await option(text).waitFor();
      await page.keyboard.press('Enter');
      await page.getByTestId(select).filter({ hasText: text }).waitFor();
    }
    const path = page.getByTestId('explain-path');
    await path.waitFor({ timeout: 10_000 });
    assert.match((await path.textContent()) ?? '', /pos-order-1/);
    await screenshot(page, 'profiles-02-identity');
  });

  it('shows the traits, the cross-channel timeline and the order', async () => {
    await openTab('traits');
    await page.getByText('xm@163.com').last().waitFor();
    await screenshot(page, 'profiles-03-traits');

    await openTab('timeline');
    const rows = page.getByTestId('timeline-row');
    await rows.filter({ hasText: 'Order Completed' }).waitFor();
    assert.equal(await rows.count(), 4, 'page view, sign-up, identify and the POS order');
    await rows.filter({ hasText: 'Order Completed' }).locator('.ant-table-row-expand-icon').click();
    await page.getByText('"POS-0001"').waitFor();
    await screenshot(page, 'profiles-04-timeline');

    await openTab('orders');
    await page.getByTestId('order-row').filter({ hasText: 'POS-0001' }).waitFor();
    assert.match((await page.getByTestId('orders-total').textContent()) ?? '', /299\.00/);
    await screenshot(page, 'profiles-05-orders');
  });

  it('follows a merged id to the surviving profile and says so', async () => {
    await page.goto(`${t.url}/profiles/${mergedId}`);
    const notice = page.getByTestId('profile-redirected');
    await notice.waitFor({ timeout: 10_000 });
    assert.match((await notice.textContent()) ?? '', new RegExp(mergedId));
    assert.doesNotMatch(page.url(), new RegExp(mergedId));
    await page.getByTestId('profile-name').filter({ hasText: '王小明' }).waitFor();
    await screenshot(page, 'profiles-06-redirected');
  });

  it('retracts the POS evidence after confirmation, and the member id leaves the profile', async () => {
    await openTab('identity');
    await clickUntil(
      page.getByTestId('evidence-row').filter({ hasText: 'pos-order-1' }).getByTestId('evidence-retract'),
      page.locator('.ant-modal-title').filter({ hasText: '撤销关联证据「门店 POS / pos-order-1」' }),
    );
    // a reason is required
    await clickUntil(page.getByTestId('split-confirm'), page.getByText('请填写原因，便于审计'));
    await page.getByTestId('split-reason').fill('门店误录会员号');
    await screenshot(page, 'profiles-07-split-confirm');
    await page.getByTestId('split-confirm').click();

    await page.getByTestId('identifier-row').filter({ hasText: 'M1001' }).waitFor({ state: 'detached' });
    await page.getByTestId('identifier-row').filter({ hasText: 'u-1001' }).waitFor();
    await page.getByTestId('profile-name').filter({ hasText: '王小明' }).waitFor();
    await page.getByTestId('explain-to').filter({ hasText: 'M1001' }).waitFor({ state: 'detached' });
    const person = await t.api.profiles.lookup('user_id', 'u-1001');
    assert.ok(!person.identifiers.some((i) => i.type === 'member_id'));
    assert.match(page.url(), new RegExp(`/profiles/${person.id}`));
    await screenshot(page, 'profiles-08-after-split');

    await openTab('history');
    await page.getByTestId('profile-history').filter({ hasText: '拆分' }).waitFor();
    await screenshot(page, 'profiles-09-history');
  });

  it('switches the 360° view to English', async () => {
    await page.getByTestId('lang-switch').click();
    await page.getByTestId('profile-tab-timeline').filter({ hasText: 'Timeline' }).waitFor();
    await page.getByTestId('profile-history').filter({ hasText: 'Split' }).waitFor();
    await screenshot(page, 'profiles-10-english');
  });

  it('renders no script dialogs', () => {
    assert.deepEqual(dialogs, []);
  });
});
