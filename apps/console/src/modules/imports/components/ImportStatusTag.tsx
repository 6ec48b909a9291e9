import type { ImportJob } from '@cdp/protocol';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLORS: Record<ImportJob['status'], string> = {
  running: 'processing',
  done: 'success',
  failed: 'error',
  interrupted: 'warning',
};

export function ImportStatusTag({ status }: { readonly status: ImportJob['status'] }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[status]}>{t(`imports.statuses.${status}`)}</Tag>;
}
