import * as protocol from '@cdp/protocol';
import { describe, expect, it } from 'vitest';
import { MESSAGE_TYPES, SOURCE_TYPES } from './protocol.ts';

describe('protocol mirrors', () => {
  it('lists the same source and message types as @cdp/protocol, in the same order', () => {
    expect(SOURCE_TYPES).toEqual(protocol.SOURCE_TYPES);
    expect(MESSAGE_TYPES).toEqual(protocol.MESSAGE_TYPES);
  });
});
