import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The write key as plain text (data-testid="source-writekey" holds exactly the key) with a copy button. */
export function WriteKey({ value }: { readonly value: string }) {
  const { t } = useTranslation();
  return (
    <Typography.Text
      code
      copyable={{ text: value, tooltips: [t('sources.copyWriteKey'), t('common.copied')] }}
    >
      <span data-testid="source-writekey">{value}</span>
    </Typography.Text>
  );
}
