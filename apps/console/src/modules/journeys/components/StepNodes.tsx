import {
  ClockCircleOutlined,
  EditOutlined,
  ExperimentOutlined,
  ForkOutlined,
  LoginOutlined,
  LogoutOutlined,
  SendOutlined,
} from '@ant-design/icons';
import type { JourneyEntry } from '@cdp/protocol';
import { Handle, type NodeProps, type NodeTypes, Position } from '@xyflow/react';
import { Typography } from 'antd';
import { createContext, type ReactNode, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../ui/format.ts';
import { describeEntry, describeStep, type JourneyNames, outputLabel } from '../describe.ts';
import { ENTRY_ID, type EntryNode, type StepNode } from '../graph.ts';
import { outputsOf, type StepKind } from '../steps.ts';

/** What the nodes show besides their own data: the entry, names, the steps with problems. */
export interface CanvasInfo {
  readonly entry: JourneyEntry;
  readonly names: JourneyNames;
  readonly faulty: ReadonlySet<string>;
}
export const CanvasContext = createContext<CanvasInfo>({
  entry: { type: 'audience', audienceId: '' },
  names: {},
  faulty: new Set(),
});

export const STEP_ICONS: Record<StepKind | 'entry', { color: string; icon: ReactNode }> = {
  entry: { color: '#52c41a', icon: <LoginOutlined /> },
  wait: { color: '#faad14', icon: <ClockCircleOutlined /> },
  split: { color: '#722ed1', icon: <ForkOutlined /> },
  ab: { color: '#13c2c2', icon: <ExperimentOutlined /> },
  send: { color: '#1677ff', icon: <SendOutlined /> },
  update: { color: '#2f54eb', icon: <EditOutlined /> },
  exit: { color: '#8c8c8c', icon: <LogoutOutlined /> },
};

const WIDTH = 230;

function Frame(props: {
  kind: StepKind | 'entry';
  id: string;
  selected: boolean;
  faulty: boolean;
  summary: string;
  footer?: ReactNode;
}) {
  const { t } = useTranslation();
  const look = STEP_ICONS[props.kind];
  const border = props.faulty ? '#ff4d4f' : props.selected ? look.color : 'rgba(5,5,5,0.15)';
  return (
    <div
      data-testid={props.kind === 'entry' ? 'journey-node-entry' : `journey-node-${props.id}`}
      data-kind={props.kind}
      style={{
        width: WIDTH,
        background: '#fff',
        border: `${props.selected ? 2 : 1}px solid ${border}`,
        borderTop: `4px solid ${look.color}`,
        borderRadius: 8,
        padding: '8px 10px',
        boxShadow: props.selected ? '0 2px 8px rgba(0,0,0,0.15)' : undefined,
      }}
    >
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, alignItems: 'center' }}>
        <Typography.Text strong style={{ color: look.color }}>
          {look.icon} {t(`journeys.kinds.${props.kind}`)}
        </Typography.Text>
        {props.kind === 'entry' ? null : (
          <Typography.Text type="secondary" style={{ fontSize: 11 }}>
            {props.id}
          </Typography.Text>
        )}
      </div>
      <Typography.Paragraph
        data-testid="journey-node-summary"
        ellipsis={{ rows: 2, tooltip: props.summary }}
        style={{ margin: '4px 0 0', fontSize: 12 }}
      >
        {props.summary}
      </Typography.Paragraph>
      {props.footer}
    </div>
  );
}

export function EntryNodeView({ selected }: NodeProps<EntryNode>) {
  const { t } = useTranslation();
  const info = useContext(CanvasContext);
  return (
    <>
      <Frame
        kind="entry"
        id={ENTRY_ID}
        selected={selected}
        faulty={info.faulty.has(ENTRY_ID)}
        summary={describeEntry(info.entry, t, info.names)}
      />
      <Handle type="source" position={Position.Bottom} id="next" />
    </>
  );
}

function Stats({ stats }: { stats: NonNullable<StepNode['data']['stats']> }) {
  const { t, i18n } = useTranslation();
  const n = (v: number) => formatNumber(v, i18n.language);
  return (
    <div
      data-testid="journey-node-stats"
      data-reached={stats.reached}
      data-waiting={stats.waiting}
      data-sent={stats.sent}
      data-suppressed={stats.suppressed}
      style={{ marginTop: 6, fontSize: 12, display: 'flex', gap: 8, flexWrap: 'wrap' }}
    >
      <span>
        {t('journeys.stats.reached')} <b>{n(stats.reached)}</b>
      </span>
      {stats.waiting > 0 ? (
        <span>
          {t('journeys.stats.waiting')} <b>{n(stats.waiting)}</b>
        </span>
      ) : null}
      {stats.sent > 0 || stats.suppressed > 0 ? (
        <span>
          {t('journeys.stats.sent')} <b>{n(stats.sent)}</b>
        </span>
      ) : null}
      {stats.suppressed > 0 ? (
        <Typography.Text type="warning" style={{ fontSize: 12 }}>
          {t('journeys.stats.suppressed')} <b>{n(stats.suppressed)}</b>
        </Typography.Text>
      ) : null}
    </div>
  );
}

export function StepNodeView({ id, data, selected }: NodeProps<StepNode>) {
  const { t } = useTranslation();
  const info = useContext(CanvasContext);
  const outputs = outputsOf(data.step);
  return (
    <>
      <Handle type="target" position={Position.Top} />
      <Frame
        kind={data.step.kind}
        id={id}
        selected={selected}
        faulty={info.faulty.has(id)}
        summary={describeStep(data.step, t, info.names)}
        footer={data.stats ? <Stats stats={data.stats} /> : null}
      />
      {outputs.map((output, i) => {
        const left = `${((i + 1) / (outputs.length + 1)) * 100}%`;
        const label = outputLabel(data.step, output, t);
        return (
          <Handle
            key={output}
            type="source"
            position={Position.Bottom}
            id={output}
            style={{ left }}
            data-testid={`journey-handle-${id}-${output}`}
          >
            {label ? (
              <span
                style={{
                  position: 'absolute',
                  top: 8,
                  left: '50%',
                  transform: 'translateX(-50%)',
                  fontSize: 10,
                  whiteSpace: 'nowrap',
                  pointerEvents: 'none',
                  color: '#595959',
                }}
              >
                {label}
              </span>
            ) : null}
          </Handle>
        );
      })}
    </>
  );
}

export const NODE_TYPES: NodeTypes = { entry: EntryNodeView, step: StepNodeView };
