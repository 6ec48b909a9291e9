import type { JourneyStep } from '@cdp/protocol';
import type { Connection } from '@xyflow/react';
import {
  COLUMN,
  ENTRY_ID,
  edge,
  edgeId,
  isStepNode,
  type JourneyGraph,
  type JourneyNode,
  ROW,
  type StepNode,
} from './graph.ts';
import { newStep, nextStepId, outputsOf, type StepKind } from './steps.ts';

/* The canvas edits of the editor: pure functions from one graph to the next. */

/** Connects an output to a step, replacing what that output led to; no loops onto the same step. */
export function connect(graph: JourneyGraph, connection: Connection): JourneyGraph {
  const { source, target } = connection;
  const output = connection.sourceHandle ?? 'next';
  if (source === target || target === ENTRY_ID) return graph;
  const id = edgeId(source, output);
  return {
    nodes: graph.nodes,
    edges: [...graph.edges.filter((e) => e.id !== id), edge(source, output, target)],
  };
}

const outputsOfNode = (node: JourneyNode) => (isStepNode(node) ? outputsOf(node.data.step) : ['next']);

/** The outputs of a node not connected yet, in handle order. */
export function freeOutputs(graph: JourneyGraph, nodeId: string): string[] {
  const node = graph.nodes.find((n) => n.id === nodeId);
  if (!node) return [];
  const outputs = outputsOfNode(node);
  const used = new Set(graph.edges.filter((e) => e.source === nodeId).map((e) => e.sourceHandle));
  return outputs.filter((o) => !used.has(o));
}

/** Adds a step of a kind below `after` (connected to its first free output) or below everything. */
export function addStep(
  graph: JourneyGraph,
  kind: StepKind,
  after?: string,
): { graph: JourneyGraph; id: string } {
  const id = nextStepId(
    kind,
    graph.nodes.map((n) => n.id),
  );
  const from = graph.nodes.find((n) => n.id === after);
  const outputs = from ? outputsOfNode(from) : [];
  const output = from ? freeOutputs(graph, from.id)[0] : undefined;
  const lowest = Math.max(0, ...graph.nodes.map((n) => n.position.y));
  // below the output it follows (a split's yes and no side by side); unconnected, below everything
  const position =
    from && output
      ? {
          x: from.position.x + (outputs.indexOf(output) - (outputs.length - 1) / 2) * COLUMN,
          y: from.position.y + ROW,
        }
      : { x: from?.position.x ?? 0, y: lowest + ROW };
  const node: StepNode = { id, type: 'step', position, data: { step: newStep(kind, id) } };
  const added = { nodes: [...graph.nodes, node], edges: graph.edges };
  return {
    graph:
      from && output
        ? connect(added, { source: from.id, sourceHandle: output, target: id, targetHandle: null })
        : added,
    id,
  };
}

/** Replaces a step's settings and drops edges from outputs it no longer has. */
export function replaceStep(graph: JourneyGraph, step: JourneyStep): JourneyGraph {
  const nodes = graph.nodes.map((n) =>
    isStepNode(n) && n.id === step.id ? { ...n, data: { ...n.data, step } } : n,
  );
  const outputs = new Set(outputsOf(step));
  const edges = graph.edges.filter((e) => e.source !== step.id || outputs.has(e.sourceHandle ?? 'next'));
  return { nodes, edges };
}

/** Removes A/B branch `index` of a step: its edge goes, the edges of later branches move up one. */
export function removeBranch(graph: JourneyGraph, stepId: string, index: number): JourneyGraph {
  const node = graph.nodes.find((n) => n.id === stepId);
  if (!node || !isStepNode(node) || node.data.step.kind !== 'ab') return graph;
  const step = node.data.step;
  const edges = graph.edges.flatMap((e) => {
    const i = e.source === stepId ? Number(e.sourceHandle?.slice(1)) : Number.NaN;
    if (Number.isNaN(i) || i < index) return [e];
    return i === index ? [] : [edge(stepId, `b${i - 1}`, e.target)];
  });
  return replaceStep(
    { nodes: graph.nodes, edges },
    { ...step, branches: step.branches.filter((_, i) => i !== index) },
  );
}

/** Removes a step and every edge to or from it. */
export function removeStep(graph: JourneyGraph, stepId: string): JourneyGraph {
  if (stepId === ENTRY_ID) return graph;
  return {
    nodes: graph.nodes.filter((n) => n.id !== stepId),
    edges: graph.edges.filter((e) => e.source !== stepId && e.target !== stepId),
  };
}
