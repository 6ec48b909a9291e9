import * as protocol from '@cdp/protocol';
import { describe, expect, it } from 'vitest';
import { DESTINATION_CATEGORIES, POLICY_CHANNELS } from './channels.ts';

describe('contact policy channels', () => {
  it('mirror the destination categories of @cdp/protocol, plus `all`', () => {
    expect(DESTINATION_CATEGORIES).toEqual(protocol.DESTINATION_CATEGORIES);
    expect(POLICY_CHANNELS).toEqual(['all', ...protocol.DESTINATION_CATEGORIES]);
  });
});
