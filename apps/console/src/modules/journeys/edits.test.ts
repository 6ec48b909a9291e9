import { describe, expect, it } from 'vitest';
import { addStep, connect, removeBranch, removeStep, replaceStep } from './edits.ts';
import { ENTRY_ID, fromGraph, toGraph } from './graph.ts';
import { definition, settings } from './testJourney.ts';

describe('journey canvas edits', () => {
  it('adds a step below the selected one, wired to its first free output', () => {
    const empty = toGraph({ start: null, steps: [] });
    const first = addStep(empty, 'send', ENTRY_ID);
    expect(first.id).toBe('send_1');
    const second = addStep(first.graph, 'exit', first.id);
    const def = fromGraph(second.graph, settings);
    expect(def.start).toBe('send_1');
    expect(def.steps).toEqual([
      { kind: 'send', id: 'send_1', destinationId: '', data: {}, next: 'exit_1' },
      { kind: 'exit', id: 'exit_1' },
    ]);
    expect(def.layout?.exit_1.y).toBeGreaterThan(def.layout?.send_1.y ?? 0);
    // nothing free on the send step any more: the next one is added unconnected
    const third = addStep(second.graph, 'wait', first.id);
    expect(fromGraph(third.graph, settings).steps.find((s) => s.id === 'send_1')).toMatchObject({
      next: 'exit_1',
    });
  });
  it('reconnecting an output replaces its edge; loops onto the same step and into the entry are refused', () => {
    const graph = toGraph(definition);
    const moved = connect(graph, {
      source: 'send_1',
      sourceHandle: 'next',
      target: 'update_1',
      targetHandle: null,
    });
    expect(fromGraph(moved, settings).steps.find((s) => s.id === 'send_1')).toMatchObject({
      next: 'update_1',
    });
    expect(moved.edges.filter((e) => e.source === 'send_1')).toHaveLength(1);
    expect(
      connect(graph, { source: 'send_1', sourceHandle: 'next', target: 'send_1', targetHandle: null }),
    ).toBe(graph);
    expect(
      connect(graph, { source: 'send_1', sourceHandle: 'next', target: ENTRY_ID, targetHandle: null }),
    ).toBe(graph);
  });
  it('drops the timeout edge when an event wait becomes a plain wait', () => {
    const graph = replaceStep(toGraph(definition), {
      kind: 'wait',
      id: 'wait_1',
      wait: { type: 'duration', minutes: 30 },
      next: null,
    });
    expect(graph.edges.some((e) => e.source === 'wait_1' && e.sourceHandle === 'timeout')).toBe(false);
    expect(fromGraph(graph, settings).steps[0]).toEqual({
      kind: 'wait',
      id: 'wait_1',
      wait: { type: 'duration', minutes: 30 },
      next: 'exit_1',
    });
  });
  it('removing an A/B branch moves the later branches’ edges up', () => {
    const three = replaceStep(toGraph(definition), {
      kind: 'ab',
      id: 'ab_1',
      branches: [
        { name: 'A', percent: 40, next: null },
        { name: 'B', percent: 30, next: null },
        { name: 'C', percent: 30, next: null },
      ],
    });
    const wired = connect(three, {
      source: 'ab_1',
      sourceHandle: 'b2',
      target: 'exit_1',
      targetHandle: null,
    });
    const ab = fromGraph(removeBranch(wired, 'ab_1', 0), settings).steps.find((s) => s.id === 'ab_1');
    expect(ab).toEqual({
      kind: 'ab',
      id: 'ab_1',
      branches: [
        { name: 'B', percent: 30, next: 'update_1' },
        { name: 'C', percent: 30, next: 'exit_1' },
      ],
    });
  });
  it('removing a step removes its edges; the entry stays', () => {
    const graph = removeStep(toGraph(definition), 'wait_1');
    const def = fromGraph(graph, settings);
    expect(def.start).toBeNull();
    expect(def.steps.map((s) => s.id)).not.toContain('wait_1');
    expect(removeStep(graph, ENTRY_ID)).toBe(graph);
  });
});
