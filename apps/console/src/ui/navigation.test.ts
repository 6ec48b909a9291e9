import { describe, expect, it } from 'vitest';
import { activeNavKey, NAVIGATION, ROADMAP_ITEMS } from './navigation.tsx';

describe('navigation', () => {
  it('finds the active entry', () => {
    expect(activeNavKey('/', '')).toBe('overview');
    expect(activeNavKey('/sources', '')).toBe('sources');
    expect(activeNavKey('/debugger', '')).toBe('debugger');
    expect(activeNavKey('/debugger', '?tab=quarantine')).toBe('quarantine');
    expect(activeNavKey('/profiles/123', '')).toBe('profiles');
    expect(activeNavKey('/imports', '')).toBe('imports');
    expect(activeNavKey('/identity', '')).toBe('identity');
    expect(activeNavKey('/destinations/dst_1/edit', '')).toBe('destinations');
    expect(activeNavKey('/journeys/policy', '')).toBe('journeys');
    expect(activeNavKey('/nope', '')).toBeUndefined();
  });

  it('has unique keys and lists roadmap pages', () => {
    const keys = NAVIGATION.flatMap((s) => s.items.map((i) => i.key));
    expect(new Set(keys).size).toBe(keys.length);
    expect(ROADMAP_ITEMS.map((i) => i.key)).toContain('analytics');
    expect(ROADMAP_ITEMS.map((i) => i.key)).not.toContain('journeys');
    expect(ROADMAP_ITEMS.map((i) => i.key)).not.toContain('sources');
    expect(ROADMAP_ITEMS.map((i) => i.key)).not.toContain('profiles');
    expect(ROADMAP_ITEMS.map((i) => i.key)).not.toContain('identity');
    expect(ROADMAP_ITEMS.map((i) => i.key)).not.toContain('imports');
    expect(ROADMAP_ITEMS.map((i) => i.key)).not.toContain('destinations');
  });
});
