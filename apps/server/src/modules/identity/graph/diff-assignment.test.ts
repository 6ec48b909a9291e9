import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diffAssignment } from './diff-assignment.ts';
import type { Cluster } from './resolution.ts';

const cluster = (id: string, ...keys: string[]): Cluster => ({
  id,
  evidence: [],
  identifiers: keys.map((k) => ({ type: k.split(':')[0], value: k.split(':')[1] })),
});

describe('diffAssignment', () => {
  it('names created, merged and removed profiles, and where removed ids redirect', () => {
    const before = new Map([
      ['user_id:A', 'prof_a'],
      ['anonymous_id:x', 'prof_x'],
    ]);
    const diff = diffAssignment(before, [
      cluster('prof_a', 'user_id:A', 'anonymous_id:x'),
      cluster('prof_n', 'email:n@x.cn'),
    ]);
    assert.deepEqual(diff.created, ['prof_n']);
    assert.deepEqual(diff.merged, [{ into: 'prof_a', from: ['prof_x'] }]);
    assert.deepEqual(diff.removed, [{ id: 'prof_x', redirectTo: 'prof_a' }]);
    assert.deepEqual(diff.split, []);
    assert.equal(diff.assignment.get('anonymous_id:x'), 'prof_a');
  });

  it('names splits, dropped identifiers, and redirects a vanished id to where most of it went', () => {
    const before = new Map([
      ['user_id:A', 'prof_old'],
      ['email:a@x.cn', 'prof_old'],
      ['anonymous_id:x', 'prof_old'],
      ['phone:+8613800138000', 'prof_old'],
    ]);
    const diff = diffAssignment(before, [
      cluster('prof_b', 'user_id:A', 'email:a@x.cn'),
      cluster('prof_c', 'anonymous_id:x'),
    ]);
    assert.deepEqual(diff.split, [{ from: 'prof_old', into: ['prof_b', 'prof_c'] }]);
    assert.deepEqual(diff.dropped, ['phone:+8613800138000']);
    assert.deepEqual(diff.removed, [{ id: 'prof_old', redirectTo: 'prof_b' }]);
    assert.deepEqual(diff.created, []);
  });
});
