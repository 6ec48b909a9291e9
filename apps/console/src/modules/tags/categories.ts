import type { TagCategory } from '@cdp/protocol';

export interface CategoryNode {
  readonly key: string;
  readonly title: string;
  readonly children: CategoryNode[];
}

/** The category tree from the flat list (already ordered by parent, position and name). */
export function categoryTree(categories: readonly TagCategory[]): CategoryNode[] {
  const childrenOf = new Map<string | null, TagCategory[]>();
  const known = new Set(categories.map((c) => c.id));
  for (const c of categories) {
    // an orphan (its parent deleted meanwhile) shows at the top rather than vanishing
    const parent = c.parentId !== null && known.has(c.parentId) ? c.parentId : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), c]);
  }
  const build = (parent: string | null, seen: ReadonlySet<string>): CategoryNode[] =>
    (childrenOf.get(parent) ?? [])
      .filter((c) => !seen.has(c.id))
      .map((c) => ({ key: c.id, title: c.name, children: build(c.id, new Set([...seen, c.id])) }));
  return build(null, new Set());
}

/** A category and everything under it: where it cannot be moved to. */
export function subtreeIds(categories: readonly TagCategory[], id: string): Set<string> {
  const ids = new Set([id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const c of categories)
      if (c.parentId !== null && ids.has(c.parentId) && !ids.has(c.id)) {
        ids.add(c.id);
        grew = true;
      }
  }
  return ids;
}

/** "上级 / 下级" names from the root to a category; empty for none or an unknown id. */
export function categoryPath(categories: readonly TagCategory[], id: string | null): string[] {
  const byId = new Map(categories.map((c) => [c.id, c]));
  const names: string[] = [];
  const seen = new Set<string>();
  for (let c = id === null ? undefined : byId.get(id); c && !seen.has(c.id); c = byId.get(c.parentId ?? '')) {
    seen.add(c.id);
    names.unshift(c.name);
  }
  return names;
}
