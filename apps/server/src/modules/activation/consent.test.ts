import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { consentBlock } from './consent.ts';

describe('consent', () => {
  it('blocks a purpose the person refused, whatever the default', () => {
    const consent = {
      marketing: { granted: false, at: '2026-11-01T00:00:00Z' },
      analytics: { granted: true },
    };
    assert.equal(consentBlock(consent, ['marketing'], 'granted'), 'no consent for marketing');
    assert.equal(consentBlock(consent, ['analytics'], 'denied'), null);
    assert.equal(consentBlock(consent, ['analytics', 'marketing'], 'granted'), 'no consent for marketing');
  });
  it('falls back to the default for a purpose with no record (or a malformed one)', () => {
    assert.equal(consentBlock({}, ['advertising'], 'granted'), null);
    assert.equal(consentBlock({}, ['advertising'], 'denied'), 'no consent for advertising');
    assert.equal(
      consentBlock({ advertising: 'yes' }, ['advertising'], 'denied'),
      'no consent for advertising',
    );
    assert.equal(consentBlock({}, [], 'denied'), null, 'a destination serving no declared purpose');
  });
});
