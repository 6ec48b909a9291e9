import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { type HttpPeer, startHttpPeer } from '../../src/modules/activation/http-peer.test-helper.ts';
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

interface Received {
  type: string;
  data: { title?: string };
  profile: { id: string };
}

describe('journeys (营销旅程) in Chromium', { skip }, () => {
  let t: TestServer;
  let peer: HttpPeer;
  let browser: Browser;
  let page: Page;
  let journeyId = '';
  let seq = 0;
  const dialogs: string[] = [];

  /** The open dropdown's option with this text (closed dropdowns stay in the DOM, hidden). */
  const option = (text: string | RegExp) =>
    page.locator('.ant-select-item-option:visible').filter({ hasText: text }).first();
  const pick = async (picker: Locator, typed: string, choice: string | RegExp) => {
    await picker.click();
    await page.keyboard.type(typed);
    await option(choice).click();
  };
  /** Clicks a button and confirms its Popconfirm with the OK button of that test id. */
  const confirmed = async (button: Locator, ok: string) => {
    for (let attempt = 1; ; attempt++) {
      await button.click();
      try {
        await page.getByTestId(ok).filter({ visible: true }).click({ timeout: 5_000 });
        return;
      } catch (err) {
        if (attempt === 3) throw err; // a click during the popover's animation is occasionally lost
      }
    }
  };
  /** Everything due now: audience entries, journey walks, the pipeline, deliveries. */
  const settle = async () => {
    for (let i = 0; i < 3; i++) {
      await t.server.app.services.audienceRunner.drain();
      await t.server.app.services.journeyRunner.drain();
      await t.server.app.services.pipeline.drain();
      await t.server.app.services.deliveries.drain();
    }
  };
  const send = async (message: Record<string, unknown>) => {
    const batch = [{ messageId: `jb-${++seq}`, timestamp: new Date().toISOString(), ...message }];
    const res = await t.track('/v1/batch', { batch });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    await t.server.app.services.pipeline.drain();
  };
  const received = () => peer.requests.filter((r) => r.url === '/welcome').map((r) => r.json as Received);

  before(async () => {
    ensureConsoleBuilt();
    peer = await startHttpPeer();
    t = await startTestServer('embedded', { CDP_DESTINATION_ALLOW_HOSTS: peer.host });
    await t.api.destinations.create({
      name: '欢迎消息 Webhook',
      type: 'webhook',
      config: { url: `${peer.url}/welcome` },
    });
    await t.api.audiences.create({
      name: 'VIP 会员',
      source: {
        kind: 'rule',
        definition: { kind: 'trait', trait: 'level', test: { operator: 'equals', value: 'vip' } },
      },
    });
    await t.server.app.services.audienceRunner.drain();
    browser = await launchBrowser();
    page = await consolePage(browser, dialogs);
  });
  after(async () => {
    await browser?.close();
    await t?.stop();
    await peer?.close();
  });

  it('opens the empty journey list from the menu', async () => {
    await logIn(page, t.url, ADMIN);
    await page.getByTestId('nav-journeys').click();
    await page.waitForURL(/\/journeys$/);
    await page.getByText('还没有营销旅程').waitFor();
    await page.getByTestId('journey-create').click();
    await page.waitForURL(/\/journeys\/new$/);
    await page.getByTestId('journey-node-entry').waitFor();
  });

  it('builds entry → send → exit on the canvas, with the checks turning green', async () => {
    await page.getByTestId('journey-name').fill('VIP 欢迎旅程');
    await pick(page.getByTestId('journey-entry-audience'), 'VIP', 'VIP 会员');
    // the goal: an order within 7 days, its revenue in `revenue` (the defaults)
    await page.getByTestId('journey-goal-toggle').click();
    assert.equal(await page.getByTestId('journey-goal-revenue').inputValue(), 'revenue');
    await page
      .getByTestId('journey-node-entry')
      .getByTestId('journey-node-summary')
      .filter({ hasText: '进入人群「VIP 会员」时' })
      .waitFor();

    // a new step follows the selected node: the entry first, then the send step
    await page.getByTestId('journey-node-entry').click();
    await page.getByTestId('journey-add-send').click();
    const panel = page.locator('[data-testid="journey-step-panel"][data-step-id="send_1"]');
    await panel.waitFor();
    await page.getByTestId('journey-problem').and(page.locator('[data-code="noDestination"]')).waitFor();
    await pick(panel.getByTestId('send-destination'), '欢迎', '欢迎消息 Webhook');
    await panel.getByTestId('send-data-add').click();
    await panel.getByTestId('send-data-key').fill('title');
    await panel.getByTestId('send-data-value').fill('你好 {{ traits.name }}');
    await page.getByTestId('journey-node-send_1').getByText('通过「欢迎消息 Webhook」发送').waitFor();
    // the send step's output is still loose
    await page.locator('[data-testid="journey-problem"][data-code="missingNext"]').waitFor();

    await page.getByTestId('journey-add-exit').click();
    await page.getByTestId('journey-node-exit_1').waitFor();
    await page.locator('[data-testid="journey-problems"][data-count="0"]').waitFor();
    assert.equal(await page.locator('.react-flow__edge').count(), 2, 'entry → send → exit');
    await screenshot(page, 'journeys-01-canvas');
  });

  it('saves the draft and publishes it (启动)', async () => {
    await page.getByTestId('journey-save').click();
    await page.waitForURL(/\/journeys\/[^/]+\/edit$/);
    journeyId = new URL(page.url()).pathname.split('/')[2];
    const draft = await t.api.journeys.get(journeyId);
    assert.equal(draft.name, 'VIP 欢迎旅程');
    assert.equal(draft.status, 'draft');
    assert.equal(draft.definition.start, 'send_1');
    assert.deepEqual(
      draft.definition.steps.map((s) => s.kind),
      ['send', 'exit'],
    );
    assert.deepEqual(draft.definition.steps[0], {
      kind: 'send',
      id: 'send_1',
      destinationId: (await t.api.destinations.list()).items[0].id,
      data: { title: '你好 {{ traits.name }}' },
      next: 'exit_1',
    });
    assert.ok(draft.definition.layout?.send_1, 'canvas positions are saved');
    assert.deepEqual(draft.definition.goal, {
      match: { event: 'Order Completed' },
      withinDays: 7,
      revenuePath: ['revenue'],
    });

    await confirmed(page.getByTestId('journey-publish'), 'journey-publish-confirm');
    await page.waitForURL(new RegExp(`/journeys/${journeyId}$`));
    await page.locator('[data-testid="journey-status"][data-status="active"]').first().waitFor();
    const published = await t.api.journeys.get(journeyId);
    assert.deepEqual(
      [published.status, published.publishedVersion, published.hasDraft],
      ['active', 1, false],
    );
  });

  it('sends the rendered message to a VIP and shows the counts on the report', async () => {
    await send({ type: 'identify', userId: 'vip-1', traits: { name: '张三', level: 'vip' } });
    await settle();
    const got = received();
    assert.equal(got.length, 1, JSON.stringify(got));
    assert.equal(got[0].data.title, '你好 张三');
    assert.equal(got[0].profile.id, (await t.api.profiles.lookup('user_id', 'vip-1')).id);

    // …who then buys: a conversion with its revenue
    await send({ type: 'track', userId: 'vip-1', event: 'Order Completed', properties: { revenue: 99 } });
    await settle();

    const report = await t.api.journeys.report(journeyId);
    assert.deepEqual(
      report.groups.map((g) => [g.group, g.entered, g.converted, g.revenue]),
      [['all', 1, 1, 99]],
    );
    await page.getByTestId('journey-refresh').click();
    await page
      .locator('[data-testid="journey-group-row"][data-group="all"][data-entered="1"][data-converted="1"]')
      .waitFor();
    assert.match(
      (await page.getByTestId('journey-group-row').first().textContent()) ?? '',
      /全部\s*1\s*1\s*1\s*100%\s*99/,
    );
    await page
      .getByTestId('journey-node-send_1')
      .locator('[data-testid="journey-node-stats"][data-reached="1"][data-sent="1"]')
      .waitFor();
    await page.getByTestId('journey-conversion-chart').waitFor();
    await screenshot(page, 'journeys-02-report');
  });

  it('an edit to the active journey is a draft until published as version 2', async () => {
    await page.getByTestId('journey-edit').click();
    await page.waitForURL(/\/edit$/);
    await page.getByTestId('journey-node-send_1').click();
    const panel = page.locator('[data-testid="journey-step-panel"][data-step-id="send_1"]');
    await panel.getByTestId('send-data-value').fill('欢迎回来 {{ traits.name }}');
    await page.getByTestId('journey-unsaved').waitFor();
    await page.getByTestId('journey-save').click();
    await page.getByTestId('journey-draft-differs').filter({ hasText: '草稿与已发布版本 v1 不同' }).waitFor();
    const edited = await t.api.journeys.get(journeyId);
    assert.deepEqual([edited.publishedVersion, edited.hasDraft], [1, true]);

    await page.getByTestId('nav-journeys').click();
    const row = page.getByTestId('journey-row').filter({ hasText: 'VIP 欢迎旅程' });
    await row.getByTestId('journey-has-draft').waitFor();
    assert.match((await row.textContent()) ?? '', /运行中.*v1.*进入人群「VIP 会员」时/);
    await screenshot(page, 'journeys-03-list');

    await row.getByTestId('journey-link').click();
    await confirmed(
      page.getByTestId('journey-publish').filter({ hasText: '发布新版本' }),
      'journey-publish-confirm',
    );
    await page.locator('[data-testid="journey-version"][data-version="2"]').first().waitFor();
    const v2 = await t.api.journeys.get(journeyId);
    assert.deepEqual([v2.publishedVersion, v2.hasDraft], [2, false]);
  });

  it('pauses and resumes', async () => {
    await page.getByTestId('journey-pause').click();
    await page.locator('[data-testid="journey-status"][data-status="paused"]').first().waitFor();
    assert.equal((await t.api.journeys.get(journeyId)).status, 'paused');
    await page.getByTestId('journey-resume').click();
    await page.locator('[data-testid="journey-status"][data-status="active"]').first().waitFor();
    assert.equal((await t.api.journeys.get(journeyId)).status, 'active');
  });

  it('sets the contact policy: a cap per channel and quiet hours', async () => {
    await page.getByTestId('nav-journeys').click();
    await page.getByTestId('journey-policy').click();
    await page.waitForURL(/\/journeys\/policy$/);
    await page.getByTestId('policy-add-cap').click();
    const cap = page.getByTestId('policy-cap').first();
    await pick(cap.getByTestId('policy-channel'), '短信', '短信');
    await cap.getByTestId('policy-cap-days').fill('7');
    await cap.getByTestId('policy-cap-max').fill('2');
    await page.getByTestId('policy-add-quiet').click();
    const quiet = page.getByTestId('policy-quiet').first();
    await quiet.getByTestId('policy-quiet-start').fill('21:30');
    await page.getByTestId('policy-save').click();
    await page.getByText('触达策略已保存').waitFor();
    const policy = await t.api.journeys.policy();
    assert.deepEqual(policy.caps, [{ channel: 'sms', max: 2, perDays: 7 }]);
    assert.deepEqual(policy.quietHours, [{ channel: 'sms', start: '21:30', end: '08:00' }]);
    await screenshot(page, 'journeys-04-policy');
  });

  it('renders no script dialogs', () => {
    assert.deepEqual(dialogs, []);
  });
});
