import type { ProfileGraph } from '@cdp/protocol';
import type { GraphSeriesOption } from 'echarts/charts';
import { describe, expect, it } from 'vitest';
import { buildGraphOption, clickedNode, graphEdges, nextPicked, pathEdges } from './graphOption.ts';
import { identifierColor } from './identifiers.ts';

const at = '2026-11-01T08:00:00.000Z';
const graph: ProfileGraph = {
  profileId: 'prof_1',
  identifiers: [
    { type: 'anonymous_id', value: 'anon-1', firstSeenAt: at },
    { type: 'user_id', value: 'u-1', firstSeenAt: at },
    { type: 'phone', value: '+8613800138000', firstSeenAt: at },
    { type: 'member_id', value: 'M1001', firstSeenAt: at },
  ],
  links: [
    {
      evidenceId: 'src_web/i1',
      kind: 'identify',
      at,
      identifiers: [
        { type: 'anonymous_id', value: 'anon-1' },
        { type: 'user_id', value: 'u-1' },
        { type: 'phone', value: '+8613800138000' },
      ],
    },
    {
      evidenceId: 'src_web/i2',
      kind: 'identify',
      at,
      identifiers: [
        { type: 'user_id', value: 'u-1' },
        { type: 'phone', value: '+8613800138000' },
      ],
    },
    {
      evidenceId: 'src_pos/o1',
      kind: 'event',
      at,
      identifiers: [
        { type: 'anonymous_id', value: 'pos-device' },
        { type: 'phone', value: '+8613800138000' },
        { type: 'member_id', value: 'M1001' },
      ],
    },
  ],
  conflicts: [],
};

const seriesOf = (option: ReturnType<typeof buildGraphOption>) => (option.series as GraphSeriesOption[])[0];

describe('evidence graph', () => {
  it('draws each piece of evidence as a star from its highest-priority identifier, one edge per pair', () => {
    expect(graphEdges(graph)).toEqual([
      { source: 'phone:+8613800138000', target: 'user_id:u-1', evidenceIds: ['src_web/i1', 'src_web/i2'] },
      { source: 'anonymous_id:anon-1', target: 'user_id:u-1', evidenceIds: ['src_web/i1'] },
      // pos-device is not an identifier of this profile: its end of the link is left out
      { source: 'member_id:M1001', target: 'phone:+8613800138000', evidenceIds: ['src_pos/o1'] },
    ]);
  });

  it('colours nodes by type, one legend entry per type in priority order', () => {
    const option = buildGraphOption(graph, (type) => `T(${type})`);
    const series = seriesOf(option);
    expect(option.legend).toMatchObject({
      data: ['T(user_id)', 'T(member_id)', 'T(phone)', 'T(anonymous_id)'],
    });
    expect(series.categories?.map((c) => c.itemStyle?.color)).toEqual(
      ['user_id', 'member_id', 'phone', 'anonymous_id'].map(identifierColor),
    );
    expect(series.data).toHaveLength(4);
    expect(series.data?.[0]).toMatchObject({ id: 'anonymous_id:anon-1', name: 'anon-1', category: 3 });
    expect(series.edges).toHaveLength(3);
    expect(option.tooltip).not.toHaveProperty('formatter');
  });

  it('emphasises the picked nodes and the edges on an explained path', () => {
    const series = seriesOf(
      buildGraphOption(graph, (type) => type, {
        nodes: ['member_id:M1001'],
        path: [{ evidenceId: 'src_pos/o1', from: 'phone:+8613800138000', to: 'member_id:M1001' }],
      }),
    );
    const member = series.data?.find(
      (n) => typeof n === 'object' && n !== null && 'id' in n && n.id === 'member_id:M1001',
    );
    expect(member).toMatchObject({ symbolSize: 30, itemStyle: { borderWidth: 3 } });
    const edges = series.edges ?? [];
    expect(edges.filter((e) => e.lineStyle?.width === 3).map((e) => e.source)).toEqual(['member_id:M1001']);
  });

  it('gives custom identifier types a stable colour', () => {
    expect(identifierColor('crm_id')).toBe(identifierColor('crm_id'));
    expect(identifierColor('user_id')).not.toBe(identifierColor('phone'));
  });

  it('follows a path step along its direct edge, or through the hub of its evidence', () => {
    const edges = graphEdges(graph);
    const u = 'user_id:u-1';
    const phone = 'phone:+8613800138000';
    const anon = 'anonymous_id:anon-1';
    const direct = pathEdges(edges, [{ evidenceId: 'src_web/i1', from: u, to: phone }]);
    expect([...direct].map((i) => [edges[i].source, edges[i].target])).toEqual([[phone, u]]);
    // anon–phone is no edge of its own: the step runs anon–user_id–phone
    const viaHub = pathEdges(edges, [{ evidenceId: 'src_web/i1', from: anon, to: phone }]);
    expect([...viaHub].map((i) => [edges[i].source, edges[i].target])).toEqual([
      [phone, u],
      [anon, u],
    ]);
    expect(pathEdges(edges, [])).toEqual(new Set());
  });

  it('picks two nodes by clicking, then starts over', () => {
    expect(nextPicked([], 'a')).toEqual(['a']);
    expect(nextPicked(['a'], 'b')).toEqual(['a', 'b']);
    expect(nextPicked(['a', 'b'], 'c')).toEqual(['c']);
    expect(nextPicked(['a', 'b'], 'a')).toEqual(['b']);
    expect(clickedNode({ dataType: 'node', data: { id: 'phone:1' } })).toBe('phone:1');
    expect(clickedNode({ dataType: 'edge', data: { source: 'a' } })).toBeNull();
    expect(clickedNode(null)).toBeNull();
  });
});
