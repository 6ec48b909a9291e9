import { Button, Flex, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { CRON_PRESETS, type CronPreset } from '../syncSpec.ts';

/** A cron expression, typed or picked from a few presets. */
export function ScheduleInput({
  value,
  onChange,
}: {
  readonly value: string;
  readonly onChange: (cron: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Flex gap={8} wrap align="center">
      <Input
        data-testid="sync-schedule"
        style={{ width: 200, fontFamily: 'monospace' }}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      {(Object.keys(CRON_PRESETS) as CronPreset[]).map((preset) => (
        <Button
          key={preset}
          size="small"
          type={value.trim() === CRON_PRESETS[preset] ? 'primary' : 'default'}
          data-testid={`sync-preset-${preset}`}
          onClick={() => onChange(CRON_PRESETS[preset])}
        >
          {t(`destinations.syncs.presets.${preset}`)}
        </Button>
      ))}
    </Flex>
  );
}
