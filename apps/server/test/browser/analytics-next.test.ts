import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { browserUnavailable, launchBrowser, screenshot } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const skip = browserUnavailable() ?? false;

/** A shop page on another origin that loads analytics.js with the classic snippet from our server. */
function shopPage(writeKey: string, cdn: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>玻尿酸保湿精华 30ml</title>
<script>
  var analytics = (window.analytics = window.analytics || []);
  analytics.methods = ['track', 'identify', 'page', 'screen', 'group', 'alias', 'ready', 'reset'];
  analytics.factory = function (m) { return function () { var a = Array.prototype.slice.call(arguments); a.unshift(m); analytics.push(a); return analytics; }; };
  for (var i = 0; i < analytics.methods.length; i++) analytics[analytics.methods[i]] = analytics.factory(analytics.methods[i]);
  analytics._writeKey = ${JSON.stringify(writeKey)};
  analytics._cdn = ${JSON.stringify(cdn)};
  analytics.SNIPPET_VERSION = '5.2.1';
  var s = document.createElement('script');
  s.async = true;
  s.src = ${JSON.stringify(cdn)} + '/analytics.js/v1/' + ${JSON.stringify(writeKey)} + '/analytics.min.js';
  document.head.appendChild(s);
  analytics.page('商品详情', { sku: 'SKU-1' });
  analytics.identify('browser-97980', { name: '王小明', email: 'xiaoming@qq.com' });
  analytics.track('Order Completed', { order_id: 'O-1', total: 1299.9, currency: 'CNY', products: [{ name: '羊毛混纺大衣', price: 1299.9 }] });
</script></head><body><h1>商品</h1></body></html>`;
}

describe('@segment/analytics-next in Chromium', { skip }, () => {
  let t: TestServer;
  let browser: Browser;
  let shop: Server;
  let shopOrigin = '';
  before(async () => {
    t = await startTestServer('embedded');
    browser = await launchBrowser();
    // The shop is a real page on another origin (another loopback port), so the browser applies CORS.
    shop = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(shopPage(t.source.writeKey, t.url));
    });
    await new Promise<void>((r) => shop.listen(0, '127.0.0.1', r));
    shopOrigin = `http://127.0.0.1:${(shop.address() as AddressInfo).port}`;
  });
  after(async () => {
    shop?.close();
    await browser?.close();
    await t?.stop();
  });

  it('loads from our server, sends page/identify/track cross-origin, each stored exactly once', async () => {
    const cdn = t.url; // http://127.0.0.1:PORT
    const page = await browser.newPage();
    const posted: string[] = [];
    page.on('requestfinished', (r) => {
      if (r.method() === 'POST' && r.url().startsWith(`${cdn}/v1/`)) posted.push(r.url());
    });
    const log: string[] = [];
    page.on('console', (m) => log.push(`console.${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => log.push(`pageerror: ${e.message}`));
    page.on('requestfailed', (r) => log.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
    page.on('request', (r) => log.push(`request: ${r.method()} ${r.url()}`));
    await page.goto(`${shopOrigin}/shop.html`);

    const deadline = Date.now() + 20_000;
    let items = (await t.api.events.list({ limit: 50 })).items;
    while (items.length < 3 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      items = (await t.api.events.list({ limit: 50 })).items;
    }
    await screenshot(page, '10-analytics-next-shop');
    await new Promise((r) => setTimeout(r, 1000)); // a late duplicate would show up now
    items = (await t.api.events.list({ limit: 50 })).items;

    assert.equal(
      items.length,
      3,
      `stored: ${items.map((e) => e.type).join(',')}; posted: ${posted.join(' ')}\n${log.join('\n')}`,
    );
    const byType = new Map(items.map((e) => [e.type, e]));
    const pageEvent = byType.get('page');
    const identify = byType.get('identify');
    const track = byType.get('track');
    assert.ok(pageEvent && identify && track);
    assert.equal(pageEvent.name, '商品详情');
    assert.equal(identify.userId, 'browser-97980');
    assert.deepEqual(identify.message.traits, { name: '王小明', email: 'xiaoming@qq.com' });
    assert.equal(track.event, 'Order Completed');
    assert.equal((track.message.properties as { total: number }).total, 1299.9);
    const ctx = track.message.context as {
      library: { name: string };
      page: { url: string; title: string };
      userAgent: string;
    };
    assert.equal(ctx.library.name, 'analytics.js');
    assert.equal(ctx.page.url, `${shopOrigin}/shop.html`);
    assert.equal(ctx.page.title, '玻尿酸保湿精华 30ml');
    assert.match(ctx.userAgent, /Chrome/);
    // One browser, one anonymous id, carried on every call.
    assert.equal(new Set(items.map((e) => e.anonymousId)).size, 1);
    assert.ok(items[0].anonymousId);
    assert.ok(
      posted.every((u) => /\/v1\/[tpi]$/.test(u)),
      posted.join(' '),
    );
  });
});
