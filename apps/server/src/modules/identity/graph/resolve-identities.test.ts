import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clusterOf, groups, obs } from './graph-fixtures.test-helper.ts';
import { resolveIdentities } from './resolve-identities.ts';

describe('resolveIdentities: stitching', () => {
  it('joins anonymous browsing to the identify that carries the same anonymousId', () => {
    const result = resolveIdentities([
      obs('p1', 1, 'event', 'anonymous_id:anon1'),
      obs('p2', 2, 'event', 'anonymous_id:anon1'),
      obs('i1', 3, 'identify', 'user_id:U1', 'anonymous_id:anon1', 'email:u1@x.cn'),
    ]);
    assert.deepEqual(groups(result), [['anonymous_id:anon1', 'email:u1@x.cn', 'user_id:U1']]);
    assert.deepEqual(result.clusters[0].evidence, ['p1', 'p2', 'i1']);
    assert.deepEqual(
      result.clusters[0].identifiers.map((i) => i.type),
      ['user_id', 'email', 'anonymous_id'],
    );
    assert.deepEqual(result.conflicts, []);
  });

  it('links an alias previousId to the userId, and transitively what each had', () => {
    const result = resolveIdentities([
      obs('e1', 1, 'event', 'anonymous_id:old', 'device_id:d1'),
      obs('e2', 2, 'event', 'user_id:U1', 'email:u@x.cn'),
      obs('a1', 3, 'alias', 'anonymous_id:old', 'user_id:U1'),
      obs('e3', 4, 'event', 'anonymous_id:other'),
    ]);
    assert.deepEqual(groups(result), [
      ['anonymous_id:old', 'device_id:d1', 'email:u@x.cn', 'user_id:U1'],
      ['anonymous_id:other'],
    ]);
  });
});

describe('resolveIdentities: time, splits and ids', () => {
  it('replays a late-arriving identify at its event time', () => {
    const inTime = [
      obs('b1', 1, 'identify', 'user_id:B', 'anonymous_id:X'),
      obs('a1', 2, 'event', 'user_id:A', 'anonymous_id:X'),
    ];
    const arrived = [inTime[1], obs('e', 600, 'event', 'anonymous_id:X'), inTime[0]];
    const expected = resolveIdentities([...inTime, arrived[1]]);
    assert.deepEqual(resolveIdentities(arrived), expected);
    assert.deepEqual(groups(expected), [['anonymous_id:X', 'user_id:B'], ['user_id:A']]);
  });

  it('splits a wrong merge when its observation is retracted, keeping the earlier id', () => {
    const evidence = [
      obs('m1', 1, 'identify', 'user_id:U1', 'anonymous_id:a1'),
      obs('m2', 2, 'identify', 'email:b@x.cn', 'anonymous_id:a2'),
      obs('bad', 3, 'event', 'anonymous_id:a1', 'anonymous_id:a2'),
    ];
    const merged = resolveIdentities(evidence);
    const split = resolveIdentities(evidence, { retracted: { observationIds: ['bad'] } });
    assert.equal(merged.clusters.length, 1);
    assert.deepEqual(groups(split), [
      ['anonymous_id:a1', 'user_id:U1'],
      ['anonymous_id:a2', 'email:b@x.cn'],
    ]);
    assert.equal(clusterOf(split, 'user_id:U1')?.id, merged.clusters[0].id);
    assert.deepEqual(resolveIdentities(evidence.slice(0, 2)), split);
  });

  it('retracting an identifier removes it everywhere', () => {
    const evidence = [
      obs('m1', 1, 'event', 'user_id:U1', 'device_id:kiosk'),
      obs('m2', 2, 'event', 'email:b@x.cn', 'device_id:kiosk'),
    ];
    const result = resolveIdentities(evidence, {
      retracted: { identifiers: [{ type: 'device_id', value: 'kiosk' }] },
    });
    assert.deepEqual(groups(result), [['email:b@x.cn'], ['user_id:U1']]);
  });

  it('keeps the id of the cluster with the earliest evidence when newer evidence merges two', () => {
    const early = obs('m1', 1, 'event', 'anonymous_id:z-late-name');
    const later = obs('m2', 2, 'identify', 'user_id:A', 'email:a@x.cn');
    const before = resolveIdentities([later, early]);
    const earlyId = clusterOf(before, 'anonymous_id:z-late-name')?.id;
    const laterId = clusterOf(before, 'user_id:A')?.id;
    assert.ok(earlyId?.startsWith('prof_') && laterId && earlyId !== laterId);
    const after = resolveIdentities([
      later,
      early,
      obs('m3', 3, 'identify', 'user_id:A', 'anonymous_id:z-late-name'),
    ]);
    assert.equal(after.clusters.length, 1);
    assert.equal(after.clusters[0].id, earlyId);
  });
});
