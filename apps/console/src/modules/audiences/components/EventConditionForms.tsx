import type { EventCondition, SequenceCondition } from '@cdp/protocol';
import { Flex, InputNumber, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { EventMatchFields } from './EventMatchFields.tsx';
import { MeasureInput } from './MeasureInput.tsx';
import { WindowInput } from './WindowInput.tsx';

const Label = ({ children }: { children: string }) => (
  <Typography.Text type="secondary" style={{ minWidth: 72 }}>
    {children}
  </Typography.Text>
);

export function EventConditionForm({
  node,
  onChange,
}: {
  readonly node: EventCondition;
  readonly onChange: (node: EventCondition) => void;
}) {
  const { t } = useTranslation();
  const { kind, id, window, measure, ...match } = node;
  return (
    <Flex vertical gap={8}>
      <EventMatchFields match={match} onChange={(next) => onChange({ kind, id, window, measure, ...next })} />
      <Flex gap={8} wrap align="center">
        <Label>{t('audiences.event.window')}</Label>
        <WindowInput value={window} onChange={(w) => onChange({ ...node, window: w })} />
      </Flex>
      <Flex gap={8} wrap align="center">
        <Label>{t('audiences.event.measure')}</Label>
        <MeasureInput
          event={node.event}
          measure={measure}
          onChange={(m) => onChange({ ...node, measure: m })}
        />
      </Flex>
    </Flex>
  );
}

const UNITS = { seconds: 1, minutes: 60, hours: 3_600, days: 86_400 } as const;
type Unit = keyof typeof UNITS;
const unitOf = (seconds: number): Unit =>
  seconds % 86_400 === 0
    ? 'days'
    : seconds % 3_600 === 0
      ? 'hours'
      : seconds % 60 === 0
        ? 'minutes'
        : 'seconds';

export function SequenceConditionForm({
  node,
  onChange,
}: {
  readonly node: SequenceCondition;
  readonly onChange: (node: SequenceCondition) => void;
}) {
  const { t } = useTranslation();
  const unit = unitOf(node.withinSeconds);
  const amount = node.withinSeconds / UNITS[unit];
  const setWithin = (n: number, u: Unit) =>
    onChange({ ...node, withinSeconds: Math.max(1, Math.round(n * UNITS[u])) });
  return (
    <Flex vertical gap={8}>
      <Flex gap={8} align="flex-start">
        <Label>{t('audiences.sequence.first')}</Label>
        <EventMatchFields
          match={node.first}
          onChange={(first) => onChange({ ...node, first })}
          testId="sequence-first"
        />
      </Flex>
      <Flex gap={8} align="flex-start">
        <Label>{t('audiences.sequence.next')}</Label>
        <EventMatchFields
          match={node.next}
          onChange={(next) => onChange({ ...node, next })}
          testId="sequence-next"
        />
      </Flex>
      <Flex gap={8} wrap align="center">
        <Label>{t('audiences.sequence.within')}</Label>
        <Space.Compact>
          <InputNumber<number> min={1} value={amount} onChange={(n) => setWithin(n ?? 1, unit)} />
          <Select<Unit>
            style={{ width: 90 }}
            value={unit}
            onChange={(u) => setWithin(amount, u)}
            options={(Object.keys(UNITS) as Unit[]).map((u) => ({
              value: u,
              label: t(`audiences.sequence.units.${u}`),
            }))}
          />
        </Space.Compact>
      </Flex>
      <Flex gap={8} wrap align="center">
        <Label>{t('audiences.event.window')}</Label>
        <WindowInput value={node.window} onChange={(w) => onChange({ ...node, window: w })} />
      </Flex>
    </Flex>
  );
}
