import type { ProfileGraph } from '@cdp/protocol';
import type { GraphSeriesOption } from 'echarts/charts';
import type { LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { byPriority, identifierColor, identifierKey } from './identifiers.ts';

export type EvidenceGraphOption = ComposeOption<
  GraphSeriesOption | LegendComponentOption | TooltipComponentOption
>;

/** One edge per pair of identifiers, with every piece of evidence linking them. */
export interface GraphEdge {
  readonly source: string;
  readonly target: string;
  readonly evidenceIds: readonly string[];
}

/** One step of an explained path: `from` and `to` are node ids, linked by that evidence. */
export interface PathStep {
  readonly evidenceId: string;
  readonly from: string;
  readonly to: string;
}

export interface GraphHighlight {
  /** Node ids (`type:value`) picked for an explanation. */
  readonly nodes?: readonly string[];
  /** The explained path: the edges it runs along are drawn emphasised. */
  readonly path?: readonly PathStep[];
}

const HIGHLIGHT = '#f5222d';
const LABEL_MAX = 18;

/**
 * Edges between the profile's identifiers. A piece of evidence names several identifiers at once;
 * it is drawn as a star from its highest-priority identifier (the one the server attaches it to).
 * Identifiers outside the profile are left out (their evidence was retracted or split off).
 */
export function graphEdges(graph: Pick<ProfileGraph, 'identifiers' | 'links'>): GraphEdge[] {
  const nodes = new Set(graph.identifiers.map(identifierKey));
  const edges = new Map<string, { source: string; target: string; evidenceIds: string[] }>();
  for (const link of graph.links) {
    const keys = [...new Set(byPriority(link.identifiers).map(identifierKey))].filter((k) => nodes.has(k));
    const [hub, ...others] = keys;
    for (const other of others) {
      const [source, target] = hub < other ? [hub, other] : [other, hub];
      const id = JSON.stringify([source, target]);
      const edge = edges.get(id) ?? { source, target, evidenceIds: [] };
      if (!edge.evidenceIds.includes(link.evidenceId)) edge.evidenceIds.push(link.evidenceId);
      edges.set(id, edge);
    }
  }
  return [...edges.values()];
}

const touches = (e: GraphEdge, node: string) => e.source === node || e.target === node;

/**
 * Indexes (into `edges`) of the edges a path runs along. A step's evidence is drawn as a star, so
 * the step is either one edge of it (from–to), or two edges through its hub (from–hub–to).
 */
export function pathEdges(edges: readonly GraphEdge[], path: readonly PathStep[]): Set<number> {
  const on = new Set<number>();
  for (const step of path) {
    const ofStep = edges.flatMap((e, i) => (e.evidenceIds.includes(step.evidenceId) ? [i] : []));
    const direct = ofStep.filter((i) => touches(edges[i], step.from) && touches(edges[i], step.to));
    const used =
      direct.length > 0
        ? direct
        : ofStep.filter((i) => touches(edges[i], step.from) || touches(edges[i], step.to));
    for (const i of used) on.add(i);
  }
  return on;
}

function shorten(text: string): string {
  return text.length > LABEL_MAX ? `${text.slice(0, LABEL_MAX - 1)}…` : text;
}

/**
 * The identity graph as an ECharts force-directed `graph` series: identifiers are nodes coloured
 * by type (one legend entry per type), evidence links are edges. Values are user input: labels are
 * plain-text callbacks and tooltips use echarts' default (HTML-escaping) formatter.
 */
export function buildGraphOption(
  graph: Pick<ProfileGraph, 'identifiers' | 'links'>,
  typeLabel: (type: string) => string,
  highlight: GraphHighlight = {},
): EvidenceGraphOption {
  const types = [...new Set(byPriority(graph.identifiers).map((i) => i.type))];
  const picked = new Set(highlight.nodes ?? []);
  const edges = graphEdges(graph);
  const onPath = pathEdges(edges, highlight.path ?? []);
  return {
    animation: false,
    tooltip: { trigger: 'item' },
    legend: { type: 'scroll', top: 0, data: types.map(typeLabel) },
    series: [
      {
        type: 'graph',
        layout: 'force',
        top: 40,
        roam: true,
        draggable: true,
        // Circular start and no animation: the same graph always settles in the same place, so
        // picking nodes (which rebuilds the option) does not make the layout jump.
        force: {
          initLayout: 'circular',
          repulsion: 260,
          edgeLength: [70, 150],
          gravity: 0.08,
          layoutAnimation: false,
        },
        categories: types.map((type) => ({
          name: typeLabel(type),
          itemStyle: { color: identifierColor(type) },
        })),
        label: {
          show: true,
          position: 'right',
          formatter: (p: { name?: string }) => shorten(p.name ?? ''),
        },
        emphasis: { focus: 'adjacency' },
        lineStyle: { color: '#8c8c8c', width: 1.5, curveness: 0.1, opacity: 0.8 },
        data: graph.identifiers.map((i) => {
          const id = identifierKey(i);
          return {
            id,
            name: i.value,
            category: types.indexOf(i.type),
            symbolSize: picked.has(id) ? 30 : 22,
            itemStyle: picked.has(id) ? { borderColor: HIGHLIGHT, borderWidth: 3 } : undefined,
          };
        }),
        edges: edges.map((e, i) => ({
          source: e.source,
          target: e.target,
          value: e.evidenceIds.length,
          lineStyle: onPath.has(i)
            ? { color: HIGHLIGHT, width: 3, opacity: 1 }
            : { width: Math.min(1.5 + e.evidenceIds.length, 5) },
        })),
      },
    ],
  };
}

/** Clicking nodes picks the two ends of an explanation: a third click starts over, a second click on a node drops it. */
export function nextPicked(picked: readonly string[], node: string): string[] {
  if (picked.includes(node)) return picked.filter((p) => p !== node);
  return picked.length < 2 ? [...picked, node] : [node];
}

/** The node id of an echarts click event on a graph node, if that is what was clicked. */
export function clickedNode(params: unknown): string | null {
  if (typeof params !== 'object' || params === null) return null;
  const { dataType, data } = params as { dataType?: unknown; data?: unknown };
  if (dataType !== 'node' || typeof data !== 'object' || data === null) return null;
  const id = (data as { id?: unknown }).id;
  return typeof id === 'string' ? id : null;
}
