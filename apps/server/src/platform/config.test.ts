import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, describeConfig, loadConfig } from './config.ts';

describe('config', () => {
  it('defaults to embedded PGlite in ./data on port 3000', () => {
    const c = loadConfig({});
    assert.equal(c.PORT, 3000);
    assert.equal(c.DATABASE_URL, undefined);
    assert.equal(c.CDP_DATA_DIR, './data');
    assert.equal(c.CDP_DEDUPE_WINDOW_DAYS, 7);
  });

  it('names every bad variable in one clear error', () => {
    assert.throws(
      () => loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', CDP_ROLE: 'boss' }),
      (err: unknown) =>
        err instanceof ConfigError &&
        /PORT/.test(err.message) &&
        /DATABASE_URL/.test(err.message) &&
        /CDP_ROLE/.test(err.message),
    );
  });

  it('redacts sensitive values when printed', () => {
    const c = loadConfig({
      DATABASE_URL: 'postgres://u:secret@db/cdp',
      CDP_ADMIN_PASSWORD: 'hunter2hunter2',
    });
    const shown = describeConfig(c);
    assert.equal(shown.find((v) => v.name === 'DATABASE_URL')?.value, '[redacted]');
    assert.equal(shown.find((v) => v.name === 'CDP_ADMIN_PASSWORD')?.value, '[redacted]');
    assert.ok(!JSON.stringify(shown).includes('secret'));
    assert.ok(shown.every((v) => v.description.length > 0));
  });
});
