import type { EventWindow } from '@cdp/protocol';
import { Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';

const today = () => new Date().toISOString().slice(0, 10);

/** Ever, the last N days, or between two dates. */
export function WindowInput({
  value,
  onChange,
}: {
  readonly value: EventWindow | undefined;
  readonly onChange: (window: EventWindow) => void;
}) {
  const { t } = useTranslation();
  const window = value ?? { type: 'ever' };
  const setType = (type: EventWindow['type']) =>
    onChange(
      type === 'ever'
        ? { type }
        : type === 'last_days'
          ? { type, days: 30 }
          : { type, from: today(), to: today() },
    );
  return (
    <Space wrap>
      <Select<EventWindow['type']>
        data-testid="event-window"
        style={{ width: 130 }}
        value={window.type}
        onChange={setType}
        options={(['ever', 'last_days', 'between'] as const).map((w) => ({
          value: w,
          label: t(`audiences.event.windows.${w}`),
        }))}
      />
      {window.type === 'last_days' ? (
        <InputNumber<number>
          data-testid="event-window-days"
          min={0}
          max={36_500}
          value={window.days}
          suffix={t('audiences.value.days')}
          onChange={(days) => onChange({ type: 'last_days', days: days ?? 0 })}
        />
      ) : null}
      {window.type === 'between' ? (
        <Space.Compact>
          <Input
            style={{ width: 130 }}
            placeholder={t('audiences.value.datePlaceholder')}
            value={window.from}
            onChange={(e) => onChange({ ...window, from: e.target.value.trim() })}
          />
          <Input
            style={{ width: 130 }}
            placeholder={t('audiences.value.datePlaceholder')}
            value={window.to}
            onChange={(e) => onChange({ ...window, to: e.target.value.trim() })}
          />
        </Space.Compact>
      ) : null}
    </Space>
  );
}
