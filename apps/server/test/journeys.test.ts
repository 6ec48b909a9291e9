import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { JourneyDefinitionInput } from '@cdp/protocol';
import { type HttpPeer, startHttpPeer } from '../src/modules/activation/http-peer.test-helper.ts';
import { backends } from './support/backends.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

interface Received {
  data: { title?: string; variant?: string };
  profile: { id: string };
  type: string;
}

for (const backend of backends()) {
  describe(`journeys: entry, steps, versions, contact policy and effect (${backend})`, () => {
    let t: TestServer;
    let peer: HttpPeer;
    let seq = 0;
    let destinationId = '';
    let audienceId = '';
    const send = async (messages: Array<Record<string, unknown>>) => {
      const batch = messages.map((m) => ({
        messageId: `j-${++seq}`,
        timestamp: new Date().toISOString(),
        ...m,
      }));
      const res = await t.track('/v1/batch', { batch });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      await t.server.app.services.pipeline.drain();
    };
    /** everything that is due now: entries, walks, updates, deliveries */
    const settle = async () => {
      for (let i = 0; i < 3; i++) {
        await t.server.app.services.audienceRunner.drain();
        await t.server.app.services.journeyRunner.drain();
        await t.server.app.services.pipeline.drain();
        await t.server.app.services.deliveries.drain();
      }
    };
    const received = (path: string) =>
      peer.requests.filter((r) => r.url === path).map((r) => r.json as Received);
    const profileOf = async (userId: string) => (await t.api.profiles.lookup('user_id', userId)).id;

    before(async () => {
      peer = await startHttpPeer();
      t = await startTestServer(backend, { CDP_DESTINATION_ALLOW_HOSTS: peer.host });
      destinationId = (
        await t.api.destinations.create({
          name: '短信网关',
          type: 'webhook',
          config: { url: `${peer.url}/sms` },
          purposes: ['marketing'],
        })
      ).id;
      audienceId = (
        await t.api.audiences.create({
          name: 'VIP',
          source: {
            kind: 'rule',
            definition: { kind: 'trait', trait: 'level', test: { operator: 'equals', value: 'vip' } },
          },
        })
      ).id;
      await t.server.app.services.audienceRunner.drain();
    });
    after(async () => {
      await t?.stop();
      await peer?.close();
    });

    const welcome = (title: string): JourneyDefinitionInput => ({
      entry: { type: 'audience', audienceId },
      start: 'ab',
      steps: [
        {
          kind: 'ab',
          id: 'ab',
          branches: [
            { name: 'A', percent: 50, next: 'sendA' },
            { name: 'B', percent: 50, next: 'sendB' },
          ],
        },
        { kind: 'send', id: 'sendA', destinationId, data: { title, variant: 'A' }, next: 'waitOrder' },
        { kind: 'send', id: 'sendB', destinationId, data: { title, variant: 'B' }, next: 'waitOrder' },
        {
          kind: 'wait',
          id: 'waitOrder',
          wait: { type: 'event', match: { event: 'Order Completed' }, timeoutMinutes: 60, timeoutNext: null },
          next: 'mark',
        },
        {
          kind: 'update',
          id: 'mark',
          set: { type: 'trait', trait: 'welcome_done', value: true },
          next: 'end',
        },
        { kind: 'exit', id: 'end' },
      ],
      goal: { match: { event: 'Order Completed' }, withinDays: 7, revenuePath: ['revenue'] },
      holdoutPercent: 20,
    });

    it('refuses a journey whose steps do not connect', async () => {
      const err = (await t.api.journeys
        .create({
          name: 'broken',
          definition: {
            entry: { type: 'audience', audienceId },
            start: 'a',
            steps: [{ kind: 'exit', id: 'b' }],
          },
        })
        .catch((e: unknown) => e)) as { status: number; message: string };
      assert.equal(err.status, 400);
      assert.match(err.message, /start names no step/);
    });

    it('walks entrants through A/B sends, waits for their order, updates a trait; the holdout gets nothing', async () => {
      const journey = await t.api.journeys.create({
        name: '新客欢迎',
        definition: welcome('你好 {{ traits.name }}'),
      });
      assert.equal(journey.status, 'draft');
      const published = await t.api.journeys.publish(journey.id);
      assert.deepEqual(
        [published.status, published.publishedVersion, published.hasDraft],
        ['active', 1, false],
      );

      const people = Array.from({ length: 30 }, (_, i) => `w-${i}`);
      await send(
        people.map((userId, i) => ({ type: 'identify', userId, traits: { level: 'vip', name: `客户${i}` } })),
      );
      await settle();

      const report = await t.api.journeys.report(journey.id);
      const control = report.groups.find((g) => g.group === 'control');
      const treated = report.groups.filter((g) => g.group !== 'control');
      assert.equal(
        report.groups.reduce((a, g) => a + g.entered, 0),
        30,
        'everyone entered once',
      );
      assert.ok(
        control && control.entered > 0 && control.entered < 15,
        `a holdout of about 20% (${control?.entered})`,
      );
      assert.deepEqual(treated.map((g) => g.group).sort(), ['A', 'B']);
      const got = received('/sms');
      assert.equal(
        got.length,
        30 - (control?.entered ?? 0),
        'one message per treated person, none to the control group',
      );
      for (const m of got) {
        assert.match(m.data.title ?? '', /^你好 客户\d+$/, 'the template rendered with the person’s traits');
        assert.equal(m.type, 'message');
      }
      const byVariant = new Map(treated.map((g) => [g.group, g.entered]));
      assert.equal(got.filter((m) => m.data.variant === 'A').length, byVariant.get('A'));
      const sendA = report.steps.find((s) => s.stepId === 'sendA');
      assert.equal(sendA?.sent, byVariant.get('A'));
      assert.equal(report.steps.find((s) => s.stepId === 'waitOrder')?.waiting, 30 - (control?.entered ?? 0));

      // a few buy: they leave the wait, get the trait, and convert (with revenue); control people who buy convert too
      const buyers = people.slice(0, 10);
      await send(
        buyers.map((userId) => ({
          type: 'track',
          userId,
          event: 'Order Completed',
          properties: { revenue: 100 },
        })),
      );
      await settle();
      const after = await t.api.journeys.report(journey.id);
      assert.equal(
        after.groups.reduce((a, g) => a + g.converted, 0),
        10,
        'ten conversions',
      );
      assert.equal(
        after.groups.reduce((a, g) => a + g.revenue, 0),
        1000,
        'their revenue',
      );
      const treatedBuyers = [];
      for (const userId of buyers) {
        const profile = await t.api.profiles.get(await profileOf(userId));
        const inControl = !got.some((m) => m.profile.id === profile.id);
        if (!inControl) treatedBuyers.push(userId);
        assert.equal(
          profile.traits.welcome_done,
          inControl ? undefined : true,
          `${userId}: trait set by the journey`,
        );
      }
      assert.ok(treatedBuyers.length > 0, 'some treated buyers');
      const withUplift = after.groups.find((g) => g.group === 'A');
      assert.ok(withUplift?.uplift, 'uplift against control');
      assert.ok(
        (withUplift?.uplift?.ci95[0] ?? 1) <= (withUplift?.uplift?.absolute ?? 0),
        'the CI holds the estimate',
      );
    });

    it('keeps people in flight on their version when an edited journey is published again', async () => {
      const journey = (await t.api.journeys.list()).items.find((j) => j.name === '新客欢迎');
      assert.ok(journey, 'journey exists');
      const edited = await t.api.journeys.update(journey.id, {
        definition: welcome('欢迎回来 {{ traits.name }}'),
      });
      assert.equal(edited.hasDraft, true);
      assert.equal((await t.api.journeys.publish(journey.id)).publishedVersion, 2);
      const before = received('/sms').length;
      await send([{ type: 'identify', userId: 'v2-person', traits: { level: 'vip', name: '新人' } }]);
      await settle();
      const report = await t.api.journeys.report(journey.id, 2);
      assert.equal(
        report.groups.reduce((a, g) => a + g.entered, 0),
        1,
      );
      const fresh = received('/sms').slice(before);
      if (report.groups[0].group !== 'control') assert.equal(fresh[0].data.title, '欢迎回来 新人');
      // the 20 waiting in version 1 are still there
      const v1 = await t.api.journeys.report(journey.id, 1);
      assert.equal(v1.steps.find((s) => s.stepId === 'waitOrder')?.waiting, v1.active);
      assert.ok(v1.active > 0, 'people in flight kept');
    });

    it('applies quiet hours and frequency caps across journeys, and pauses', async () => {
      await t.api.journeys.setPolicy({
        caps: [{ channel: 'webhook', max: 1, perDays: 1 }],
        quietHours: [],
      });
      const journey = await t.api.journeys.create({
        name: '注册礼',
        priority: 10,
        definition: {
          entry: { type: 'event', match: { event: 'Signed Up' } },
          start: 'hello',
          steps: [
            { kind: 'send', id: 'hello', destinationId, data: { title: 'first' }, next: 'again' },
            { kind: 'send', id: 'again', destinationId, data: { title: 'second' }, next: null },
          ],
        },
      });
      await t.api.journeys.publish(journey.id);
      await send([{ type: 'track', userId: 'signup-1', event: 'Signed Up' }]);
      await settle();
      let report = await t.api.journeys.report(journey.id);
      assert.equal(report.steps.find((s) => s.stepId === 'hello')?.sent, 1);
      assert.equal(
        report.steps.find((s) => s.stepId === 'again')?.suppressed,
        1,
        'the second message is capped',
      );

      // quiet all day: the message waits on its step
      await t.api.journeys.setPolicy({
        caps: [],
        quietHours: [{ channel: 'all', start: '00:00', end: '23:59' }],
      });
      await send([{ type: 'track', userId: 'signup-2', event: 'Signed Up' }]);
      await settle();
      report = await t.api.journeys.report(journey.id);
      assert.equal(report.steps.find((s) => s.stepId === 'hello')?.waiting, 1, 'held by quiet hours');
      assert.equal(report.steps.find((s) => s.stepId === 'hello')?.sent, 1);

      // paused: nobody moves even when due
      await t.api.journeys.setPolicy({ caps: [], quietHours: [] });
      await t.api.journeys.pause(journey.id);
      await t.server.app.services.journeyRunner.drain();
      report = await t.api.journeys.report(journey.id);
      assert.equal(report.steps.find((s) => s.stepId === 'hello')?.sent, 1, 'paused');
      await t.api.journeys.resume(journey.id);
      // the held person is due at the end of the quiet window; make it now
      await t.server.app.handle.db.updateTable('journey_states').set({ wake_at: new Date() }).execute();
      await settle();
      report = await t.api.journeys.report(journey.id);
      assert.equal(report.steps.find((s) => s.stepId === 'hello')?.sent, 2, 'sent after resuming');
    });
  });
}
