import '@xyflow/react/dist/style.css';
import type { Connection, EdgeChange, NodeChange } from '@xyflow/react';
import { Background, Controls, MarkerType, ReactFlow, useReactFlow } from '@xyflow/react';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { outputLabel } from '../describe.ts';
import { isStepNode, type JourneyGraph, type JourneyNode } from '../graph.ts';
import { CanvasContext, type CanvasInfo, NODE_TYPES } from './StepNodes.tsx';

interface Props {
  readonly graph: JourneyGraph;
  readonly info: CanvasInfo;
  readonly height?: number;
  /** Without these the canvas is read-only (the report page). */
  readonly onNodesChange?: (changes: NodeChange<JourneyNode>[]) => void;
  readonly onEdgesChange?: (changes: EdgeChange[]) => void;
  readonly onConnect?: (connection: Connection) => void;
}

const EDGE_OPTIONS = { type: 'smoothstep', markerEnd: { type: MarkerType.ArrowClosed } };
const FIT = { maxZoom: 1, padding: 0.2 };

/** Fits the view again when steps are added, so that a new step is never placed out of sight. */
function FitOnGrow({ count }: { readonly count: number }) {
  const flow = useReactFlow();
  const seen = useRef(count);
  useEffect(() => {
    if (count > seen.current) void flow.fitView({ ...FIT, duration: 200 });
    seen.current = count;
  }, [count, flow]);
  return null;
}

/** The journey as a flow chart: the entry on top, one node per step, one edge per connected output. */
export function JourneyCanvas({ graph, info, height = 620, onNodesChange, onEdgesChange, onConnect }: Props) {
  const { t } = useTranslation();
  const editable = onNodesChange !== undefined;
  // edges carry the output's label (是 / 否 / 超时 / A 50%)
  const edges = useMemo(() => {
    const steps = new Map(graph.nodes.filter(isStepNode).map((n) => [n.id, n.data.step]));
    return graph.edges.map((e) => {
      const label = outputLabel(steps.get(e.source), e.sourceHandle ?? 'next', t);
      return label ? { ...e, label } : e;
    });
  }, [graph, t]);
  return (
    <CanvasContext.Provider value={info}>
      <div style={{ height, width: '100%' }} data-testid="journey-canvas">
        <ReactFlow<JourneyNode>
          nodes={graph.nodes}
          edges={edges}
          nodeTypes={NODE_TYPES}
          defaultEdgeOptions={EDGE_OPTIONS}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={onConnect}
          nodesDraggable={editable}
          nodesConnectable={editable}
          elementsSelectable={editable}
          deleteKeyCode={editable ? ['Backspace', 'Delete'] : null}
          fitView
          fitViewOptions={FIT}
          minZoom={0.2}
        >
          <Background />
          <Controls showInteractive={false} />
          <FitOnGrow count={graph.nodes.length} />
        </ReactFlow>
      </div>
    </CanvasContext.Provider>
  );
}
