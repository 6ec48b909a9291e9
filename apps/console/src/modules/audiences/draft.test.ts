import type { Audience } from '@cdp/protocol';
import { describe, expect, it } from 'vitest';
import { buildSource, draftFromAudience, EMPTY_DRAFT, parseIdentifiers } from './draft.ts';

describe('audience drafts', () => {
  it('reads pasted identifiers one per line, trimmed and deduplicated', () => {
    expect(parseIdentifiers('phone', ' 13800138000\r\n\n13900139000,13800138000\t')).toEqual([
      { type: 'phone', value: '13800138000' },
      { type: 'phone', value: '13900139000' },
    ]);
  });

  it('builds a source only when the draft selects something', () => {
    expect(buildSource(EMPTY_DRAFT)).toBeNull();
    const rule = {
      ...EMPTY_DRAFT,
      root: {
        kind: 'and' as const,
        conditions: [
          { kind: 'or' as const, conditions: [] },
          { kind: 'audience' as const, audience: 'aud_1', member: true },
        ],
      },
    };
    expect(buildSource(rule)).toEqual({
      kind: 'rule',
      definition: { kind: 'and', conditions: [{ kind: 'audience', audience: 'aud_1', member: true }] },
    });
    expect(buildSource({ ...EMPTY_DRAFT, kind: 'file', file: { type: 'email', text: 'a@b.cn\n' } })).toEqual({
      kind: 'file',
      identifiers: [{ type: 'email', value: 'a@b.cn' }],
    });
    const combination = { operator: 'exclusion' as const, audiences: ['aud_1'] };
    expect(buildSource({ ...EMPTY_DRAFT, kind: 'combination', combination })).toBeNull();
    expect(
      buildSource({
        ...EMPTY_DRAFT,
        kind: 'combination',
        combination: { ...combination, audiences: ['aud_1', 'aud_2'] },
      }),
    ).toEqual({ kind: 'combination', combination: { operator: 'exclusion', audiences: ['aud_1', 'aud_2'] } });
  });

  it('edits an existing audience from its stored definition', () => {
    const audience = {
      name: '上海',
      description: null,
      kind: 'rule',
      definition: { kind: 'trait', trait: 'city', test: { operator: 'exists' } },
      combination: null,
    } as unknown as Audience;
    const draft = draftFromAudience(audience);
    expect(draft.name).toBe('上海');
    expect(draft.description).toBe('');
    expect(draft.root).toEqual({ kind: 'and', conditions: [audience.definition] });
  });
});
