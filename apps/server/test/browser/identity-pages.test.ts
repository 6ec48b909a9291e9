import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  browserUnavailable,
  ensureConsoleBuilt,
  launchBrowser,
  logIn,
  screenshot,
} from '../support/browser.ts';
import { ADMIN, startTestServer, type TestServer } from '../support/test-server.ts';

const skip = browserUnavailable() ?? false;

describe('import wizard and identity rules in Chromium', { skip }, () => {
  let t: TestServer;
  let browser: Browser;
  let page: Page;
  let dir: string;

  before(async () => {
    ensureConsoleBuilt();
    t = await startTestServer('embedded');
    dir = mkdtempSync(join(tmpdir(), 'cdp-wizard-'));
    writeFileSync(
      join(dir, 'members.csv'),
      '手机号,姓名,会员卡号\n13800138000,陈静,V100\n13900139000,刘洋,V101\n',
    );
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 960 } });
    await logIn(page, t.url, ADMIN);
  });
  after(async () => {
    await browser?.close();
    await t?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports a member file: upload, mapping, preview, run, and the members become profiles', async () => {
    await page.goto(`${t.url}/imports`);
    await page.getByPlaceholder(/./).first().waitFor();
    await page.locator('form input[type="text"]').first().fill('会员导入');
    await page.locator('input[type="file"]').setInputFiles(join(dir, 'members.csv'));
    await page.getByTestId('import-upload').click();
    await page.getByTestId('import-mapping-select').first().waitFor({ timeout: 15_000 });
    await screenshot(page, 'imports-01-mapping');
    await page.getByTestId('import-next').click();
    await page.getByTestId('import-preview-summary').waitFor({ timeout: 15_000 });
    await page.getByTestId('import-next').click();
    await page.getByTestId('import-progress').waitFor({ timeout: 15_000 });
    let job = (await t.api.imports.list()).items[0];
    for (let i = 0; i < 100 && job?.status !== 'done'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      job = (await t.api.imports.list()).items[0];
    }
    assert.equal(job?.imported, 2);
    await screenshot(page, 'imports-02-done');
    await t.server.app.services.pipeline.drain();
    assert.equal((await t.api.profiles.lookup('member_id', 'V101')).traits.name, '刘洋');
  });

  it('shows the identity rules and simulates them', async () => {
    await page.goto(`${t.url}/identity`);
    await page.getByText('member_id').first().waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: /模\s?拟/ }).click();
    await page.locator('.ant-descriptions').first().waitFor({ timeout: 15_000 });
    await screenshot(page, 'identity-01-rules');
  });
});
