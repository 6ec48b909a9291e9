import type { Audience, AudienceSource, Combination, ConditionGroup, FileIdentifier } from '@cdp/protocol';
import { editableRoot, pruneEmpty } from './tree.ts';

export type SourceKind = AudienceSource['kind'];
export type CombinationOperator = Combination['operator'];

/** What the audience builder edits; `buildSource` turns it into what the API takes. */
export interface AudienceDraft {
  readonly name: string;
  readonly description: string;
  readonly kind: SourceKind;
  readonly root: ConditionGroup;
  readonly file: { readonly type: string; readonly text: string };
  readonly combination: { readonly operator: CombinationOperator; readonly audiences: readonly string[] };
}

export const EMPTY_DRAFT: AudienceDraft = {
  name: '',
  description: '',
  kind: 'rule',
  root: editableRoot(null),
  file: { type: 'phone', text: '' },
  combination: { operator: 'union', audiences: [] },
};

/** Identifiers pasted or uploaded one per line (commas, tabs and semicolons also separate), deduplicated. */
export function parseIdentifiers(type: string, text: string): FileIdentifier[] {
  const values = text
    .split(/[\r\n,;\t]+/)
    .map((v) => v.trim())
    .filter((v) => v !== '');
  return [...new Set(values)].map((value) => ({ type, value }));
}

/** The source to estimate or save; null while the draft selects nothing yet. */
export function buildSource(draft: AudienceDraft): AudienceSource | null {
  switch (draft.kind) {
    case 'rule': {
      const definition = pruneEmpty(draft.root);
      return definition ? { kind: 'rule', definition } : null;
    }
    case 'file': {
      const identifiers = parseIdentifiers(draft.file.type, draft.file.text);
      return identifiers.length > 0 ? { kind: 'file', identifiers } : null;
    }
    case 'combination': {
      const { operator, audiences } = draft.combination;
      return audiences.length >= 2
        ? { kind: 'combination', combination: { operator, audiences: [...audiences] } }
        : null;
    }
  }
}

/** The draft of an existing audience. A file audience's identifiers are not sent back: the text starts empty. */
export function draftFromAudience(audience: Audience): AudienceDraft {
  return {
    ...EMPTY_DRAFT,
    name: audience.name,
    description: audience.description ?? '',
    kind: audience.kind,
    root: audience.kind === 'rule' ? editableRoot(audience.definition) : EMPTY_DRAFT.root,
    combination: audience.combination ?? EMPTY_DRAFT.combination,
  };
}
