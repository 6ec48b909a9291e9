/**
 * Evidence named by its source: `src_…/o1` → "门店 POS / o1". Evidence ids are `sourceId/messageId`
 * for events and import rows; anything else (operator actions) is shown as it is.
 */
export function evidenceText(id: string, sourceNames: ReadonlyMap<string, string>): string {
  const slash = id.indexOf('/');
  const source = slash > 0 ? sourceNames.get(id.slice(0, slash)) : undefined;
  return source ? `${source} / ${id.slice(slash + 1)}` : id;
}
