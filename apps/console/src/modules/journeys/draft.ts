import type { CreateJourneyInput, Journey, JourneyDefinition } from '@cdp/protocol';
import { fromGraph, type JourneyGraph, type JourneySettings, toGraph } from './graph.ts';
import { forSaving } from './validate.ts';

/** Name, description and priority: the journey itself rather than its definition. */
export interface JourneyMeta {
  readonly name: string;
  readonly description: string;
  readonly priority: number;
}

/** What the editor edits: the journey's own fields, the settings off the canvas, and the canvas. */
export interface JourneyDraft {
  readonly meta: JourneyMeta;
  readonly settings: JourneySettings;
  readonly graph: JourneyGraph;
}

const NEW_DEFINITION: JourneyDefinition = {
  entry: { type: 'audience', audienceId: '' },
  start: null,
  steps: [],
  holdoutPercent: 0,
};

export function draftOf(journey: Journey | undefined): JourneyDraft {
  const { start, steps, layout, ...settings } = journey?.definition ?? NEW_DEFINITION;
  return {
    meta: {
      name: journey?.name ?? '',
      description: journey?.description ?? '',
      priority: journey?.priority ?? 100,
    },
    settings,
    graph: toGraph({ start, steps, layout }),
  };
}

/** The body to create or update with. */
export function bodyOf(draft: JourneyDraft): CreateJourneyInput {
  return {
    name: draft.meta.name.trim(),
    description: draft.meta.description,
    priority: draft.meta.priority,
    definition: forSaving(fromGraph(draft.graph, draft.settings)),
  };
}

/** Comparable texts of the fields and of the definition, to tell what an edit changed. */
export function snapshotOf(draft: JourneyDraft): { meta: string; definition: string } {
  const { definition, ...meta } = bodyOf(draft);
  return { meta: JSON.stringify(meta), definition: JSON.stringify(definition) };
}
