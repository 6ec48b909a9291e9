import { describe, expect, it } from 'vitest';
import { autoLayout, ENTRY_ID, fromGraph, isStepNode, toGraph } from './graph.ts';
import { definition, settings } from './testJourney.ts';

describe('journey graph', () => {
  it('draws one node per step plus the entry, and one edge per connected output', () => {
    const graph = toGraph(definition);
    expect(graph.nodes.map((n) => n.id)).toEqual([ENTRY_ID, ...definition.steps.map((s) => s.id)]);
    expect(graph.edges.map((e) => `${e.source}.${e.sourceHandle}→${e.target}`).sort()).toEqual(
      [
        '@entry.next→wait_1',
        'wait_1.next→exit_1',
        'wait_1.timeout→split_1',
        'split_1.yes→ab_1',
        'ab_1.b0→send_1',
        'ab_1.b1→update_1',
        'send_1.next→exit_1',
        'update_1.next→exit_1',
      ].sort(),
    );
    // the nodes hold the steps without their connections: edges are the one place for those
    const split = graph.nodes.find((n) => n.id === 'split_1');
    expect(split && isStepNode(split) ? split.data.step : null).toMatchObject({ yes: null, no: null });
  });
  it('round-trips: definition → graph → definition', () => {
    expect(fromGraph(toGraph(definition), settings)).toEqual(definition);
  });
  it('lays out steps without stored positions by distance from the entry', () => {
    const { layout: _, ...bare } = definition;
    const positions = autoLayout(bare);
    expect(positions[ENTRY_ID]).toEqual({ x: 0, y: 0 });
    expect(positions.wait_1.y).toBe(150);
    expect(positions.exit_1.y).toBe(300);
    expect(positions.split_1.y).toBe(300);
    expect(positions.send_1.y).toBe(600);
    const back = fromGraph(toGraph(bare), settings);
    expect(back.steps).toEqual(definition.steps);
    expect(Object.keys(back.layout ?? {}).sort()).toEqual(Object.keys(definition.layout ?? {}).sort());
  });
  it('puts the report’s counts on the step nodes', () => {
    const stats = new Map([['send_1', { reached: 5, waiting: 0, sent: 4, suppressed: 1 }]]);
    const node = toGraph(definition, stats).nodes.find((n) => n.id === 'send_1');
    expect(node && isStepNode(node) ? node.data.stats : null).toEqual({
      reached: 5,
      waiting: 0,
      sent: 4,
      suppressed: 1,
    });
  });
});
