import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TagStats } from '@cdp/protocol';
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
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

describe('tag factory (标签工厂) in Chromium', { skip }, () => {
  let t: TestServer;
  let browser: Browser;
  let page: Page;
  let categoryId = '';
  let spendId = '';
  let levelId = '';
  const profiles: Record<string, string> = {};
  const dialogs: string[] = [];

  /** The open dropdown's option with this text (closed dropdowns stay in the DOM, hidden). */
  const option = (text: string | RegExp) =>
    page.locator('.ant-select-item-option:visible').filter({ hasText: text }).first();
  /**
   * Clicks a picker, optionally types to filter, and clicks the matching option (offered by the
   * vocabulary). Free-text pickers get the whole text typed, so a click lost during the dropdown's
   * animation cannot leave a half-typed value.
   */
  const pick = async (picker: Locator, choice: string | RegExp, typed?: string) => {
    await picker.click();
    if (typed) await page.keyboard.type(typed);
    await option(choice).click();
  };
  /** Adds a condition of a kind to a rule builder (the menu renders in a popup). */
  const addCondition = async (scope: Locator, kind: string) => {
    for (let attempt = 1; ; attempt++) {
      await scope.getByTestId('add-condition').first().click();
      try {
        await page.getByTestId(`add-kind-${kind}`).filter({ visible: true }).click({ timeout: 5_000 });
        return scope.getByTestId(`condition-${kind}`).last();
      } catch (err) {
        if (attempt === 3) throw err; // a click during the dropdown's animation is occasionally lost
      }
    }
  };
  /** The input of an antd field (some put the test id on the input, some on its wrapper). */
  const inputOf = (testId: string) =>
    page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
  /** The distribution the page draws: one [label, count] per bar. */
  const drawnBars = async () =>
    page
      .getByTestId('tag-stats')
      .getByTestId('distribution-bar')
      .evaluateAll((bars) =>
        bars.map((b) => [b.getAttribute('data-label'), Number(b.getAttribute('data-count'))]),
      );
  /** Waits until the page shows the stats the API reports for the tag now, and returns them. */
  const statsShown = async (tagId: string): Promise<TagStats> => {
    const stats = await t.api.tags.stats(tagId);
    await page
      .locator(
        `[data-testid="tag-stats"][data-with-value="${stats.withValue}"][data-profiles="${stats.profiles}"]`,
      )
      .waitFor({ timeout: 10_000 });
    return stats;
  };

  before(async () => {
    ensureConsoleBuilt();
    t = await startTestServer('embedded');
    let seq = 0;
    const order = (userId: string, revenue: number, days: number) => ({
      type: 'track',
      userId,
      event: 'Order Completed',
      properties: { revenue },
      timestamp: daysAgo(days),
    });
    const batch = [
      { type: 'identify', userId: 'u-1', traits: { name: '张三' } },
      { type: 'identify', userId: 'u-2', traits: { name: '李四' } },
      { type: 'identify', userId: 'u-3', traits: { name: '王五' } },
      { type: 'identify', userId: 'u-4', traits: { name: '赵六' } },
      order('u-1', 299, 2),
      order('u-1', 100, 5),
      order('u-2', 50, 3),
      order('u-3', 120, 60),
    ].map((m) => ({ messageId: `tag-${++seq}`, timestamp: new Date().toISOString(), ...m }));
    const res = await t.track('/v1/batch', { batch });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    await t.server.app.services.pipeline.drain();
    for (const u of ['u-1', 'u-2', 'u-3', 'u-4'])
      profiles[u] = (await t.api.profiles.lookup('user_id', u)).id;

    browser = await launchBrowser();
    page = await consolePage(browser, dialogs);
  });
  after(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('logs in, opens the tag factory from the menu and creates a category', async () => {
    await logIn(page, t.url, ADMIN);
    await page.getByTestId('nav-tags').click();
    await page.waitForURL(/\/tags$/);
    await page.getByText('该分类下还没有标签').waitFor();

    await page.getByTestId('category-create').click();
    await page.getByTestId('category-name').fill('消费特征');
    await page.getByTestId('category-save').click();
    const node = page.getByTestId('category-node').filter({ hasText: '消费特征' });
    await node.waitFor();
    categoryId = (await node.getAttribute('data-id')) ?? '';
    const categories = await t.api.tags.categories.list();
    assert.deepEqual(
      categories.items.map((c) => [c.id, c.name, c.parentId]),
      [[categoryId, '消费特征', null]],
    );
    await node.click();
    await page.waitForURL(new RegExp(`category=${categoryId}`));
  });

  it('adds, renames, moves and deletes a subcategory', async () => {
    const menu = async (category: string, action: RegExp) => {
      await page
        .getByTestId('category-node')
        .filter({ hasText: category })
        .getByTestId('category-actions')
        .click();
      await page.locator('.ant-dropdown-menu-item:visible').filter({ hasText: action }).click();
    };
    const names = async () =>
      (await t.api.tags.categories.list()).items.map((c) => [c.name, c.parentId]).sort();

    await menu('消费特征', /新建子分类/);
    await page.getByTestId('category-name').fill('金额');
    await page.getByTestId('category-save').click();
    await page.getByTestId('category-node').filter({ hasText: '金额' }).waitFor();
    assert.deepEqual(await names(), [
      ['消费特征', null],
      ['金额', categoryId],
    ]);

    await menu('金额', /重命名/);
    await page.getByTestId('category-name').fill('消费金额');
    await page.getByTestId('category-save').click();
    await page
      .getByTestId('category-node')
      .filter({ hasText: /^消费金额$/ })
      .waitFor();

    await menu('消费金额', /移动/);
    await page.getByTestId('category-parent').click();
    await page.locator('.ant-select-tree-title:visible').filter({ hasText: '顶级分类' }).click();
    await page.getByTestId('category-save').click();
    await page.locator('.ant-modal').waitFor({ state: 'detached' });
    assert.deepEqual(await names(), [
      ['消费特征', null],
      ['消费金额', null],
    ]);

    await menu('消费金额', /删除/);
    // the confirm dialog zooms in: click its button once it is open, and wait for it to close
    const confirm = page.locator('.ant-modal-confirm');
    await confirm.waitFor({ state: 'visible' });
    await confirm.getByRole('button', { name: /确\s*定/ }).click();
    await confirm.waitFor({ state: 'detached' });
    await page
      .getByTestId('category-node')
      .filter({ hasText: /^消费金额$/ })
      .waitFor({ state: 'detached' });
    assert.deepEqual(await names(), [['消费特征', null]]);
    await page.getByTestId('category-node').filter({ hasText: '消费特征' }).click();
    await page.waitForURL(new RegExp(`category=${categoryId}`));
  });

  it('creates a computed tag: the sum of revenue of Order Completed in the last 30 days', async () => {
    await page.getByTestId('tag-create').click();
    await page.waitForURL(/\/tags\/new\?category=/);
    await page.getByTestId('tag-name').fill('近30天消费金额');
    await page.getByTestId('tag-owner').fill('增长组');
    await page.getByTestId('tag-kind-computed').click();
    await pick(page.getByTestId('computed-function'), /^求和$/);
    // the event and its property come from the vocabulary pickers
    await page.getByTestId('computed-event').locator('input').clear();
    await pick(page.getByTestId('computed-event'), 'Order Completed', 'Order Completed');
    const path = page.getByTestId('computed-path').locator('input');
    await path.clear();

    // without a property the server objects, and the objection sits next to the property picker
    await page.getByTestId('tag-preview').click();
    await page
      .locator('.ant-form-item', { has: page.getByTestId('computed-path') })
      .locator('.ant-form-item-explain-error')
      .waitFor({ timeout: 10_000 });
    await screenshot(page, 'tags-01-field-error');
    await pick(page.getByTestId('computed-path'), /^revenue/, 'revenue');
    assert.equal(await path.inputValue(), 'revenue');
    assert.equal(await inputOf('event-window-days').inputValue(), '30');

    // the preview computes without saving: u-1 (399) and u-2 (50) bought in the last 30 days
    await page.getByTestId('tag-preview').click();
    await page
      .locator('[data-testid="tag-preview-result"] [data-testid="tag-stats"][data-with-value="2"]')
      .waitFor({ timeout: 10_000 });
    assert.equal((await t.api.tags.list()).items.length, 0, 'a preview saves nothing');
    await screenshot(page, 'tags-02-computed-editor');

    await page.getByTestId('tag-save').click();
    await page.waitForURL(/\/tags\/tag_[^/]+$/);
    spendId = new URL(page.url()).pathname.split('/')[2];
    const tag = await t.api.tags.get(spendId);
    assert.equal(tag.categoryId, categoryId);
    assert.equal(tag.owner, '增长组');
    assert.equal(tag.valueType, 'number');
    assert.deepEqual(tag.spec, {
      kind: 'computed',
      event: 'Order Completed',
      function: 'sum',
      path: ['revenue'],
      window: { type: 'last_days', days: 30 },
    });
    assert.deepEqual(tag.lineage.events, ['Order Completed']);
    await page.getByTestId('tag-lineage-events').filter({ hasText: 'Order Completed' }).waitFor();
  });

  it('computes now and shows the coverage and histogram the API reports', async () => {
    await page.getByTestId('tag-toggle-status').click();
    await page.locator('[data-testid="tag-status"][data-status="active"]').waitFor();
    await page.getByTestId('tag-compute-now').click();
    await page.getByText(/计算完成/).waitFor({ timeout: 10_000 });
    const stats = await statsShown(spendId);
    assert.equal(stats.withValue, 2);
    assert.equal(stats.distribution.type, 'histogram');
    const counts = (await drawnBars()).map(([, count]) => count);
    assert.deepEqual(
      counts,
      stats.distribution.type === 'histogram' ? stats.distribution.buckets.map((b) => b.count) : [],
    );
    const coverage = (await page.getByTestId('tag-coverage').textContent()) ?? '';
    assert.match(coverage, new RegExp(`${Math.round(stats.coverage * 1000) / 10}%`));

    const members = (await t.api.tags.members(spendId)).items;
    const rows = page.getByTestId('tag-member-row');
    await rows.nth(members.length - 1).waitFor();
    assert.equal(await rows.count(), members.length);
    const shown = await rows.getByTestId('tag-member-link').allTextContents();
    assert.deepEqual(shown.sort(), [profiles['u-1'], profiles['u-2']].sort());
    await screenshot(page, 'tags-03-computed-detail');
  });

  it('creates a rule tag with two ordered values and a distribution equal to the API’s', async () => {
    await page.goto(`${t.url}/tags?category=${categoryId}`);
    await page.getByTestId('tag-create').click();
    await page.waitForURL(/\/tags\/new/);
    await page.getByTestId('tag-name').fill('消费等级');
    await page
      .getByTestId('rule-mode')
      .getByText(/多个取值/)
      .click();
    await pick(page.getByTestId('tag-value-type'), /^文本$/);

    const first = page.getByTestId('rule-case').nth(0);
    await first.getByTestId('rule-case-value').fill('高价值');
    const tag = await addCondition(first, 'tag');
    await pick(tag.getByTestId('tag-picker'), /近30天消费金额/, '近30');
    await pick(tag.getByTestId('value-operator'), /^大于等于$/, '大于等');
    await tag.getByTestId('value-input').fill('300');

    await page.getByTestId('rule-add-case').click();
    const second = page.getByTestId('rule-case').nth(1);
    await second.getByTestId('rule-case-value').fill('普通');
    const event = await addCondition(second, 'event');
    await pick(event.getByTestId('event-name'), 'Order Completed', 'Order Completed');

    await page.getByTestId('tag-preview').click();
    await page
      .locator('[data-testid="tag-preview-result"] [data-testid="tag-stats"][data-with-value="2"]')
      .waitFor({ timeout: 10_000 });
    await screenshot(page, 'tags-04-rule-editor');
    await page.getByTestId('tag-save').click();
    await page.waitForURL(/\/tags\/tag_[^/]+$/);
    levelId = new URL(page.url()).pathname.split('/')[2];
    const saved = await t.api.tags.get(levelId);
    assert.equal(saved.valueType, 'string');
    assert.deepEqual(saved.spec.kind === 'rule' ? saved.spec.rules?.map((r) => r.value) : [], [
      '高价值',
      '普通',
    ]);
    assert.deepEqual(saved.lineage.tags, [spendId]);

    await page.getByTestId('tag-compute-now').click();
    await page.getByText(/计算完成/).waitFor({ timeout: 10_000 });
    const stats = await statsShown(levelId);
    const values = stats.distribution.type === 'values' ? stats.distribution.values : [];
    assert.deepEqual(values.map((v) => [v.value, v.count]).sort(), [
      ['普通', 1],
      ['高价值', 1],
    ]);
    const drawn = await drawnBars();
    assert.deepEqual(
      drawn,
      values.map((v) => [v.value, v.count]),
    );

    // members filtered by one value
    await pick(page.getByTestId('tag-members-value'), /^高价值/);
    await page.getByTestId('tag-member-row').filter({ hasText: profiles['u-1'] }).waitFor();
    await page
      .getByTestId('tag-member-row')
      .filter({ hasText: profiles['u-2'] })
      .waitFor({ state: 'detached' });
    await screenshot(page, 'tags-05-rule-detail');
  });

  it('previews lifecycle (default five stages) and RFM tags like the API does', async () => {
    await page.goto(`${t.url}/tags/new`);
    await page.getByTestId('tag-name').fill('客户生命周期');
    await page.getByTestId('tag-kind-lifecycle').click();
    const names = page.getByTestId('lifecycle-stage-name');
    const stages = await Promise.all(
      Array.from({ length: await names.count() }, (_, n) => names.nth(n).inputValue()),
    );
    assert.deepEqual(stages, ['潜在客户', '新客户', '活跃客户', '沉默客户', '流失客户']);
    for (const kind of ['lifecycle', 'rfm'] as const) {
      await page.getByTestId(`tag-kind-${kind}`).click();
      const api = await t.api.tags.preview({ valueType: 'string', spec: { kind } });
      await page.getByTestId('tag-preview').click();
      const shown = page.locator(
        `[data-testid="tag-preview-result"] [data-testid="tag-stats"][data-with-value="${api.withValue}"]`,
      );
      await shown.waitFor({ timeout: 10_000 });
      const bars = await shown
        .getByTestId('distribution-bar')
        .evaluateAll((els) =>
          els.map((b) => [b.getAttribute('data-label'), Number(b.getAttribute('data-count'))]),
        );
      assert.deepEqual(
        bars,
        api.distribution.type === 'values' ? api.distribution.values.map((v) => [v.value, v.count]) : [],
        kind,
      );
    }
    await screenshot(page, 'tags-06-rfm-preview');
  });

  it('uploads values of an imported tag and lists the rows not applied', async () => {
    await page.goto(`${t.url}/tags/new`);
    await page.getByTestId('tag-name').fill('会员等级');
    await page.getByTestId('tag-kind-imported').click();
    await pick(page.getByTestId('tag-value-type'), /^文本$/);
    await page.getByTestId('tag-save').click();
    await page.waitForURL(/\/tags\/tag_[^/]+$/);
    const id = new URL(page.url()).pathname.split('/')[2];
    await page.getByTestId('tag-import-text').fill('user_id,u-1,金卡\nuser_id,u-404,银卡\nbad-line');
    await page.getByText(/解析出 2 行，1 行格式有误/).waitFor();
    await page.getByTestId('tag-import-submit').click();
    const result = page.getByTestId('tag-import-result');
    await result.waitFor({ timeout: 10_000 });
    assert.match((await result.textContent()) ?? '', /共 2 行，匹配 1 行，未应用 1 行/);
    const rejected = page.getByTestId('tag-import').locator('.ant-table-row');
    assert.equal(await rejected.count(), 1);
    assert.match((await rejected.textContent()) ?? '', /^2user_idu-404未找到用户$/);
    const stats = await statsShown(id);
    assert.equal(stats.withValue, 1);
    assert.deepEqual(await drawnBars(), [['金卡', 1]]);
    await screenshot(page, 'tags-07-imported');
  });

  it('lists both tags in the category with their coverage', async () => {
    await page.goto(`${t.url}/tags?category=${categoryId}`);
    for (const [id, name] of [
      [spendId, '近30天消费金额'],
      [levelId, '消费等级'],
    ]) {
      const row = page.getByTestId('tag-row').filter({ hasText: name });
      const stats = await t.api.tags.stats(id);
      await row.locator(`[data-testid="tag-row-coverage"][data-with-value="${stats.withValue}"]`).waitFor();
    }
    await screenshot(page, 'tags-08-list');
  });

  it('shows the person’s tag values in the 360° view, and none before they were computed', async () => {
    await page.goto(`${t.url}/profiles/${profiles['u-1']}`);
    const api = await t.api.tags.ofProfile(profiles['u-1']);
    assert.deepEqual(api.items.map((i) => [i.name, i.value]).sort(), [
      ['会员等级', '金卡'],
      ['消费等级', '高价值'],
      ['近30天消费金额', 399],
    ]);
    const rows = page.getByTestId('profile-tag-row');
    await rows.nth(api.items.length - 1).waitFor({ timeout: 10_000 });
    assert.equal(await rows.count(), api.items.length);
    for (const item of api.items)
      assert.equal(
        await rows.filter({ hasText: item.name }).getByTestId('profile-tag-value').textContent(),
        String(item.value),
      );
    await screenshot(page, 'tags-09-profile');

    // as of yesterday the tags had not been computed yet
    const yesterday = new Date(Date.now() - 86_400_000);
    const day = `${yesterday.getFullYear()}-${String(yesterday.getMonth() + 1).padStart(2, '0')}-${String(yesterday.getDate()).padStart(2, '0')}`;
    const picker = inputOf('profile-tags-as-of');
    await picker.click();
    await picker.fill(day);
    await picker.press('Enter');
    await page.getByTestId('profile-tags').getByText('该用户暂无标签').waitFor({ timeout: 10_000 });
  });

  it('renders no script dialogs', () => {
    assert.deepEqual(dialogs, []);
  });
});
