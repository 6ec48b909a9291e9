import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  browserUnavailable,
  consolePage,
  ensureConsoleBuilt,
  launchBrowser,
  screenshot,
} from '../support/browser.ts';
import { ADMIN, startTestServer, type TestServer } from '../support/test-server.ts';

const skip = browserUnavailable() ?? false;

describe('console in Chromium', { skip }, () => {
  let t: TestServer;
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];

  before(async () => {
    ensureConsoleBuilt();
    t = await startTestServer('embedded');
    browser = await launchBrowser();
    page = await consolePage(browser, dialogs, { width: 1400, height: 900 });
  });
  after(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('logs in and shows the overview', async () => {
    await page.goto(`${t.url}/`);
    await page.waitForURL(/\/login/);
    await page.getByTestId('login-email').fill(ADMIN.email);
    await page.getByTestId('login-password').fill('wrong-password');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('login-error').waitFor();
    await page.getByTestId('login-password').fill(ADMIN.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('ingestion-chart').waitFor({ timeout: 15_000 });
    await screenshot(page, '01-overview');
  });

  let writeKey = '';
  const sourceName = `门店POS <b>${Date.now()}</b>`;

  it('creates a source and shows its write key', async () => {
    await page.getByTestId('nav-sources').click();
    await page.getByTestId('source-create').click();
    await page.getByTestId('source-name').fill(sourceName);
    await page.getByTestId('source-type').click();
    await page.locator('.ant-select-item-option').filter({ hasText: /POS/ }).first().click();
    await page.getByTestId('source-create-submit').click();
    const row = page.locator('tr', { hasText: sourceName });
    await row.waitFor();
    writeKey = ((await row.getByTestId('source-writekey').textContent()) ?? '').trim();
    const sources = await t.api.sources.list();
    const created = sources.items.find((s) => s.name === sourceName);
    assert.ok(created, 'the API lists the source created in the UI');
    assert.equal(created.type, 'pos');
    assert.equal(writeKey, created.writeKey);
    await screenshot(page, '02-sources');
  });

  it('shows events sent over HTTP in the live debugger without reload, and quarantined ones with reasons', async () => {
    await page.getByTestId('nav-debugger').click();
    await page.getByTestId('debugger-status').waitFor();
    await new Promise((r) => setTimeout(r, 1500)); // stream connected
    const events = ['下单成功 Order Completed', 'Product Viewed 🛍️'];
    for (const event of events) {
      const r = await t.track(
        '/v1/track',
        { userId: 'browser-user', event, properties: { total: 99 } },
        { writeKey },
      );
      assert.equal(r.status, 200);
    }
    for (const event of events) {
      await page
        .getByTestId('debugger-event-row')
        .filter({ hasText: event })
        .first()
        .waitFor({ timeout: 10_000 });
    }
    await page.getByTestId('debugger-event-row').filter({ hasText: events[0] }).first().click();
    await page.getByText('browser-user').first().waitFor();
    await screenshot(page, '03-debugger');

    const bad = await t.track('/v1/track', { userId: 'browser-user' }, { writeKey });
    assert.equal(bad.status, 400);
    await page.getByTestId('nav-quarantine').click();
    await page.getByTestId('quarantine-row').first().waitFor({ timeout: 10_000 });
    assert.match((await page.getByTestId('quarantine-row').first().textContent()) ?? '', /invalid_message/);
    await page.getByTestId('quarantine-row').first().click();
    await page.getByText('event is required').first().waitFor();
    await screenshot(page, '04-quarantine');
  });

  it('switches to English', async () => {
    await page.getByTestId('lang-switch').click();
    await page.getByTestId('nav-sources').filter({ hasText: 'Sources' }).waitFor();
    await screenshot(page, '05-english');
  });

  it('renders hostile text as text (no script dialogs)', () => {
    assert.deepEqual(dialogs, []);
  });
});
