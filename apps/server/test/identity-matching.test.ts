import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ApiError } from '@cdp/sdk';
import { matching } from '../src/modules/identity/index.ts';
import { backends } from './support/backends.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const dataset = matching.generateMatchingDataset({ records: 600, seed: 5 });
const entityOf = new Map(dataset.records.map((r, i) => [r.id, dataset.entities[i]]));

for (const backend of backends()) {
  describe(`probabilistic matching over profiles (${backend})`, () => {
    let t: TestServer;
    before(async () => {
      t = await startTestServer(backend);
      // CRM phones and e-mails are shared in households here: compare them, do not link on them
      const { types } = await t.api.identity.settings();
      await t.api.identity.publish({
        types: types.map((x) => (x.name === 'phone' || x.name === 'email' ? { ...x, traitKeys: [] } : x)),
      });
      const batch = dataset.records.map((r) => ({
        type: 'identify',
        messageId: `crm-${r.id}`,
        timestamp: '2026-10-01T00:00:00.000Z',
        traits: {
          member_id: r.id,
          name: `${r.surname ?? ''}${/^[a-z]/i.test(r.given_name ?? '') ? ' ' : ''}${r.given_name ?? ''}`,
          birthday: r.birth_date,
          phone: r.phone,
          email: r.email,
          city: r.city,
          address: r.address,
        },
      }));
      // as a file import sends them: the member number in the traits is the only id
      const source = { id: t.source.id, workspaceId: 'ws_default', name: 'CRM', enabled: true };
      const envelope = { receivedAt: new Date(), requestIp: null, userAgent: null, identityInTraits: true };
      const result = await t.server.app.services.ingest.ingest(source, batch, null, envelope);
      assert.equal(result.accepted, batch.length);
      await t.server.app.services.pipeline.drain();
    });
    after(() => t.stop());

    it('auto-merges confident pairs as reversible probabilistic evidence, and queues the review band', async () => {
      const run = await t.api.identity.runMatching();
      assert.ok(run.records >= dataset.records.length * 0.95, `${run.records} comparable profiles`);
      assert.ok(run.autoMerged > 20, `auto-merged ${run.autoMerged}`);
      assert.ok(run.queuedForReview > 0, `queued ${run.queuedForReview}`);

      const merged = (await t.api.identity.matches({ status: 'auto_merged', limit: 500 })).items;
      assert.equal(merged.length, run.autoMerged);
      const right = merged.filter((m) => entityOf.get(m.left.value) === entityOf.get(m.right.value)).length;
      assert.ok(right / merged.length >= 0.9, `auto-merge precision ${right}/${merged.length}`);

      // a pair that is its profile's only link
      let pair = merged[0];
      let profile = await t.api.profiles.lookup(pair.left.type, pair.left.value);
      let graph = await t.api.profiles.graph(profile.id);
      for (const candidate of merged) {
        pair = candidate;
        profile = await t.api.profiles.lookup(pair.left.type, pair.left.value);
        graph = await t.api.profiles.graph(profile.id);
        if (graph.links.length === 1) break;
      }
      assert.equal(graph.links.length, 1);
      assert.equal((await t.api.profiles.lookup(pair.right.type, pair.right.value)).id, profile.id);
      const link = graph.links[0];
      assert.equal(link.kind, 'probabilistic');
      assert.ok(link.evidenceId.startsWith('match/'));
      const explanation = pair.explanation.reduce((sum, f) => sum + f.weight, 0);
      assert.ok(Math.abs(explanation - pair.score) < 1e-6, 'the explanation adds up to the score');

      // reversible like any link
      await t.api.profiles.split(profile.id, { evidenceId: link.evidenceId, reason: 'not the same person' });
      assert.notEqual(
        (await t.api.profiles.lookup(pair.left.type, pair.left.value)).id,
        (await t.api.profiles.lookup(pair.right.type, pair.right.value)).id,
      );
    });

    it('a reviewer accepts or rejects queued pairs; decided pairs are not asked again', async () => {
      const [accept, reject] = (await t.api.identity.matches({ status: 'pending' })).items;
      assert.ok(accept && reject);
      const accepted = await t.api.identity.decideMatch(accept.id, 'accept');
      assert.equal(accepted.status, 'merged');
      const profile = await t.api.profiles.lookup(accept.left.type, accept.left.value);
      assert.equal((await t.api.profiles.lookup(accept.right.type, accept.right.value)).id, profile.id);
      assert.ok(
        (await t.api.profiles.graph(profile.id)).links.some(
          (l) => l.kind === 'manual' && l.evidenceId === `review/${accept.id}`,
        ),
      );

      assert.equal((await t.api.identity.decideMatch(reject.id, 'reject')).status, 'rejected');
      assert.notEqual(
        (await t.api.profiles.lookup(reject.left.type, reject.left.value)).id,
        (await t.api.profiles.lookup(reject.right.type, reject.right.value)).id,
      );
      await assert.rejects(
        t.api.identity.decideMatch(reject.id, 'accept'),
        (e: ApiError) => e.status === 409,
      );

      // a later run may merge what earlier merges made comparable, but never undoes a decision
      await t.api.identity.runMatching();
      assert.notEqual(
        (await t.api.profiles.lookup(reject.left.type, reject.left.value)).id,
        (await t.api.profiles.lookup(reject.right.type, reject.right.value)).id,
      );
      const pending = (await t.api.identity.matches({ status: 'pending', limit: 500 })).items;
      assert.ok(
        !pending.some(
          (m) =>
            m.id === reject.id ||
            (m.left.value === reject.left.value && m.right.value === reject.right.value),
        ),
      );
    });
  });
}
