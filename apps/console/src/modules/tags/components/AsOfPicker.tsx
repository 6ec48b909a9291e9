import { DatePicker, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { asOfInstant } from '../values.ts';

/** "截至日期": a past day (its end) or empty = now; reports the instant as ISO-8601 or undefined. */
export function AsOfPicker({
  onChange,
  testId = 'as-of',
}: {
  readonly onChange: (asOf: string | undefined) => void;
  readonly testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Flex gap={8} align="center">
      <Typography.Text type="secondary">{t('tags.stats.asOf')}</Typography.Text>
      <DatePicker
        data-testid={testId}
        placeholder={t('tags.stats.now')}
        disabledDate={(d) => d.isAfter(new Date(), 'day')}
        onChange={(d) => {
          onChange(asOfInstant(d ? d.endOf('day').toDate() : null, new Date()));
        }}
      />
    </Flex>
  );
}
