import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalCdf, uplift } from './effect-stats.ts';

const near = (a: number, b: number, eps = 1e-4) => assert.ok(Math.abs(a - b) < eps, `${a} ≈ ${b}`);

describe('effect statistics', () => {
  it('normal CDF matches known quantiles', () => {
    near(normalCdf(0), 0.5);
    near(normalCdf(1.959964), 0.975);
    near(normalCdf(-1.959964), 0.025);
    near(normalCdf(2.575829), 0.995);
  });

  it('a two-proportion z-test and a 95% CI of the difference (textbook case)', () => {
    // 120/1000 converted with the campaign, 100/1000 in the holdout
    const u = uplift({ entered: 1000, converted: 120 }, { entered: 1000, converted: 100 });
    assert.ok(u, 'computed');
    near(u.absolute, 0.02);
    near(u.relative ?? 0, 0.2);
    // pooled p = 0.11, se0 = sqrt(0.11·0.89·0.002) = 0.013993 → z = 1.4293, p = 0.1529
    near(u.z, 1.4293, 1e-3);
    near(u.pValue, 0.1529, 1e-3);
    assert.equal(u.significant, false);
    // unpooled se = sqrt(.12·.88/1000 + .1·.9/1000) = 0.013994 → CI 0.02 ± 0.02743
    near(u.ci95[0], -0.00743, 1e-4);
    near(u.ci95[1], 0.04743, 1e-4);
  });

  it('a large effect is significant; empty groups give no uplift', () => {
    const u = uplift({ entered: 2000, converted: 300 }, { entered: 2000, converted: 200 });
    assert.ok(u?.significant, 'significant');
    assert.ok((u?.pValue ?? 1) < 0.001, 'tiny p');
    assert.equal(uplift({ entered: 0, converted: 0 }, { entered: 10, converted: 1 }), null);
    assert.equal(uplift({ entered: 10, converted: 1 }, { entered: 0, converted: 0 }), null);
    const none = uplift({ entered: 10, converted: 0 }, { entered: 10, converted: 0 });
    assert.deepEqual([none?.pValue, none?.relative], [1, null]);
  });
});
