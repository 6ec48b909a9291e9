import type { ProfileGraph } from '@cdp/protocol';
import { GraphChart } from 'echarts/charts';
import { LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { buildGraphOption, clickedNode, graphEdges, type PathStep } from '../graphOption.ts';
import { useIdentifierTypeLabel } from '../hooks/useIdentifierTypeLabel.ts';

echarts.use([GraphChart, LegendComponent, TooltipComponent, CanvasRenderer]);

const HEIGHT = 420;

interface Props {
  readonly graph: Pick<ProfileGraph, 'identifiers' | 'links'>;
  /** Node ids (`type:value`) picked for an explanation. */
  readonly picked: readonly string[];
  /** The explained path, drawn emphasised. */
  readonly path: readonly PathStep[];
  readonly onPick: (node: string) => void;
}

/** The identity graph: identifiers as nodes coloured by type, evidence links as edges. Click to pick. */
export function EvidenceGraph({ graph, picked, path, onPick }: Props) {
  const { i18n } = useTranslation();
  const typeLabel = useIdentifierTypeLabel();
  const option = useMemo(
    () => buildGraphOption(graph, typeLabel, { nodes: picked, path }),
    [graph, typeLabel, picked, path],
  );
  const edges = useMemo(() => graphEdges(graph).length, [graph]);
  const onEvents = useMemo(
    () => ({
      click: (params: unknown) => {
        const node = clickedNode(params);
        if (node) onPick(node);
      },
    }),
    [onPick],
  );
  return (
    <div data-testid="evidence-graph" data-nodes={graph.identifiers.length} data-edges={edges}>
      <ReactEChartsCore
        key={i18n.language}
        echarts={echarts}
        option={option}
        notMerge
        onEvents={onEvents}
        style={{ height: HEIGHT, width: '100%' }}
        opts={{ locale: i18n.language === 'en' ? 'EN' : 'ZH' }}
      />
    </div>
  );
}
