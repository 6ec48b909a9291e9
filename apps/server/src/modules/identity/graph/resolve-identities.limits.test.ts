import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clusterOf, groups, obs } from './graph-fixtures.test-helper.ts';
import { resolveIdentities } from './resolve-identities.ts';

describe('resolveIdentities: limits and priority', () => {
  it('never merges two user_ids, even when one observation carries both', () => {
    const result = resolveIdentities([obs('a1', 1, 'alias', 'user_id:A', 'user_id:B')]);
    assert.deepEqual(groups(result), [['user_id:A'], ['user_id:B']]);
    assert.deepEqual(result.conflicts, [
      {
        observationId: 'a1',
        at: result.conflicts[0].at,
        reason: 'limit_exceeded',
        leftOut: [{ type: 'user_id', value: 'B' }],
      },
    ]);
    assert.deepEqual(result.links, []);
  });

  it('keeps a device seen with 7 users with the first, naming each later observation', () => {
    const events = [1, 2, 3, 4, 5, 6, 7].map((n) =>
      obs(`m${n}`, n, 'event', `user_id:U${n}`, 'device_id:shared'),
    );
    const result = resolveIdentities(events);
    assert.deepEqual(clusterOf(result, 'device_id:shared')?.identifiers.length, 2);
    assert.ok(clusterOf(result, 'user_id:U1')?.identifiers.some((i) => i.value === 'shared'));
    assert.equal(result.clusters.length, 7);
    assert.deepEqual(
      result.conflicts.map((c) => [c.observationId, c.reason, c.leftOut.map((i) => i.value)]),
      [2, 3, 4, 5, 6, 7].map((n) => [`m${n}`, 'limit_exceeded', ['shared']]),
    );
  });

  it('holds at most 5 emails per profile; the sixth stays apart', () => {
    const events = [1, 2, 3, 4, 5, 6].map((n) => obs(`m${n}`, n, 'event', 'user_id:U', `email:e${n}@x.cn`));
    const result = resolveIdentities(events);
    assert.deepEqual(
      clusterOf(result, 'user_id:U')
        ?.identifiers.filter((i) => i.type === 'email')
        .map((i) => i.value),
      ['e1@x.cn', 'e2@x.cn', 'e3@x.cn', 'e4@x.cn', 'e5@x.cn'],
    );
    assert.deepEqual(clusterOf(result, 'email:e6@x.cn')?.identifiers.length, 1);
    assert.deepEqual(clusterOf(result, 'email:e6@x.cn')?.evidence, ['m6']);
    assert.deepEqual(
      result.conflicts.map((c) => c.observationId),
      ['m6'],
    );
  });

  it('on a shared device, links the new user to its own email and leaves the device with its owner', () => {
    const result = resolveIdentities([
      obs('b1', 1, 'identify', 'user_id:B', 'anonymous_id:X'),
      obs('a1', 2, 'event', 'user_id:A', 'anonymous_id:X', 'email:a@x.cn'),
    ]);
    assert.deepEqual(groups(result), [
      ['anonymous_id:X', 'user_id:B'],
      ['email:a@x.cn', 'user_id:A'],
    ]);
    assert.deepEqual(
      result.conflicts.map((c) => [c.observationId, c.leftOut]),
      [['a1', [{ type: 'anonymous_id', value: 'X' }]]],
    );
    assert.deepEqual(clusterOf(result, 'user_id:B')?.evidence, ['b1']);
  });

  it('without a user_id, the higher-priority identifier decides which profile wins', () => {
    const result = resolveIdentities([
      obs('m1', 1, 'identify', 'user_id:U1', 'email:one@x.cn'),
      obs('m2', 2, 'identify', 'user_id:U2', 'anonymous_id:anon'),
      obs('m3', 3, 'event', 'anonymous_id:anon', 'email:one@x.cn', 'device_id:dev'),
    ]);
    assert.deepEqual(groups(result), [
      ['anonymous_id:anon', 'user_id:U2'],
      ['device_id:dev', 'email:one@x.cn', 'user_id:U1'],
    ]);
    assert.deepEqual(result.conflicts[0].leftOut, [{ type: 'anonymous_id', value: 'anon' }]);
  });

  it('drops junk values and records them', () => {
    const result = resolveIdentities([obs('m1', 1, 'event', 'user_id:U', 'device_id:02:00:00:00:00:00')]);
    assert.deepEqual(groups(result), [['user_id:U']]);
    assert.deepEqual(
      result.conflicts.map((c) => [c.reason, c.leftOut[0].type]),
      [['junk', 'device_id']],
    );
  });
});
