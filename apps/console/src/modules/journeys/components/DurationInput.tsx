import { InputNumber, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const UNITS = { minutes: 1, hours: 60, days: 1440 } as const;
type Unit = keyof typeof UNITS;
const MAX_MINUTES = 525_600;

/** The largest unit that divides the duration. */
const unitOf = (minutes: number): Unit =>
  minutes % UNITS.days === 0 ? 'days' : minutes % UNITS.hours === 0 ? 'hours' : 'minutes';

/** A duration in whole minutes, typed as minutes, hours or days. */
export function DurationInput({
  minutes,
  onChange,
  testId,
}: {
  readonly minutes: number;
  readonly onChange: (minutes: number) => void;
  readonly testId?: string;
}) {
  const { t } = useTranslation();
  const [unit, setUnit] = useState<Unit>(() => unitOf(minutes));
  const amount = Math.max(1, Math.round(minutes / UNITS[unit]));
  return (
    <Space.Compact>
      <InputNumber<number>
        data-testid={testId}
        min={1}
        max={Math.floor(MAX_MINUTES / UNITS[unit])}
        precision={0}
        style={{ width: 120 }}
        value={amount}
        onChange={(v) => onChange(Math.min(MAX_MINUTES, Math.max(1, v ?? 1) * UNITS[unit]))}
      />
      <Select<Unit>
        style={{ width: 90 }}
        value={unit}
        onChange={(next) => {
          setUnit(next);
          onChange(Math.min(MAX_MINUTES, amount * UNITS[next]));
        }}
        options={(Object.keys(UNITS) as Unit[]).map((u) => ({
          value: u,
          label: t(`journeys.wait.units.${u}`),
        }))}
      />
    </Space.Compact>
  );
}
