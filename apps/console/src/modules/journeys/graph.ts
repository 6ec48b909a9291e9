import type { JourneyDefinition, JourneyStep } from '@cdp/protocol';
import type { Edge, Node } from '@xyflow/react';
import { targetsOf, withTargets } from './steps.ts';

/** The entry node's id: it cannot be a step id (those allow letters, digits, `_` and `-` only). */
export const ENTRY_ID = '@entry';

/** Counts the report gives a step, drawn on its node. */
export type StepStats = { reached: number; waiting: number; sent: number; suppressed: number };

export type EntryNode = Node<Record<string, never>, 'entry'>;
/** A step node holds the step with its outputs cleared: the edges are where connections live. */
export type StepNode = Node<{ step: JourneyStep; stats?: StepStats }, 'step'>;
export type JourneyNode = EntryNode | StepNode;
export type JourneyGraph = { readonly nodes: JourneyNode[]; readonly edges: Edge[] };

/** Everything of a definition that is not on the canvas. */
export type JourneySettings = Omit<JourneyDefinition, 'start' | 'steps' | 'layout'>;

type Point = { x: number; y: number };
export const COLUMN = 260;
export const ROW = 150;

export const isStepNode = (node: JourneyNode): node is StepNode => node.type === 'step';
export const edgeId = (source: string, output: string) => `${source}:${output}`;
export const edge = (source: string, output: string, target: string): Edge => ({
  id: edgeId(source, output),
  source,
  sourceHandle: output,
  target,
});

/** Positions for steps the layout does not place: rows by distance from the entry, unreachable ones last. */
export function autoLayout(definition: Pick<JourneyDefinition, 'start' | 'steps'>): Record<string, Point> {
  const byId = new Map(definition.steps.map((s) => [s.id, s]));
  const depth = new Map<string, number>();
  const queue = definition.start && byId.has(definition.start) ? [definition.start] : [];
  if (queue.length > 0) depth.set(queue[0], 1);
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    const step = byId.get(id);
    for (const target of step ? targetsOf(step).values() : [])
      if (target && byId.has(target) && !depth.has(target)) {
        depth.set(target, (depth.get(id) ?? 0) + 1);
        queue.push(target);
      }
  }
  const last = Math.max(0, ...depth.values()) + 1;
  const rows = new Map<number, string[]>();
  for (const step of definition.steps) {
    const row = depth.get(step.id) ?? last;
    rows.set(row, [...(rows.get(row) ?? []), step.id]);
  }
  const positions: Record<string, Point> = { [ENTRY_ID]: { x: 0, y: 0 } };
  for (const [row, ids] of rows)
    ids.forEach((id, i) => {
      positions[id] = { x: (i - (ids.length - 1) / 2) * COLUMN, y: row * ROW };
    });
  return positions;
}

/** The canvas of a definition; `stats` adds the report's counts to the step nodes. */
export function toGraph(
  definition: Pick<JourneyDefinition, 'start' | 'steps' | 'layout'>,
  stats?: ReadonlyMap<string, StepStats>,
): JourneyGraph {
  const auto = autoLayout(definition);
  const at = (id: string) => definition.layout?.[id] ?? auto[id];
  const ids = new Set(definition.steps.map((s) => s.id));
  const nodes: JourneyNode[] = [
    { id: ENTRY_ID, type: 'entry', position: at(ENTRY_ID), data: {}, deletable: false },
    ...definition.steps.map(
      (step): StepNode => ({
        id: step.id,
        type: 'step',
        position: at(step.id),
        data: { step: withTargets(step, new Map()), stats: stats?.get(step.id) },
      }),
    ),
  ];
  const edges: Edge[] = [];
  if (definition.start && ids.has(definition.start)) edges.push(edge(ENTRY_ID, 'next', definition.start));
  for (const step of definition.steps)
    for (const [output, target] of targetsOf(step))
      if (target && ids.has(target)) edges.push(edge(step.id, output, target));
  return { nodes, edges };
}

/** The definition a canvas stands for: step outputs from the edges, positions into `layout`. */
export function fromGraph(graph: JourneyGraph, settings: JourneySettings): JourneyDefinition {
  const outgoing = new Map<string, Map<string, string>>();
  for (const e of graph.edges) {
    const targets = outgoing.get(e.source) ?? new Map<string, string>();
    targets.set(e.sourceHandle ?? 'next', e.target);
    outgoing.set(e.source, targets);
  }
  const layout: Record<string, Point> = {};
  for (const node of graph.nodes)
    layout[node.id] = { x: Math.round(node.position.x), y: Math.round(node.position.y) };
  return {
    ...settings,
    start: outgoing.get(ENTRY_ID)?.get('next') ?? null,
    steps: graph.nodes
      .filter(isStepNode)
      .map((n) => withTargets(n.data.step, outgoing.get(n.id) ?? new Map())),
    layout,
  };
}
