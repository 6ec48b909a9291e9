import type { MessageProblem } from '@cdp/protocol';
import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Validation problems: code, JSON-pointer path and message, as plain text. */
export function ProblemList({ problems }: { readonly problems: readonly MessageProblem[] }) {
  const { t } = useTranslation();
  return (
    <Table<MessageProblem>
      size="small"
      pagination={false}
      rowKey={(p) => `${p.code}|${p.path}|${p.message}`}
      dataSource={[...problems]}
      data-testid="quarantine-problems"
      columns={[
        {
          title: t('quarantine.problemCode'),
          dataIndex: 'code',
          width: 170,
          render: (_, p) => <Tag color="red">{p.code}</Tag>,
        },
        {
          title: t('quarantine.problemPath'),
          dataIndex: 'path',
          width: 140,
          render: (_, p) => <Typography.Text code>{p.path || '/'}</Typography.Text>,
        },
        { title: t('quarantine.problemMessage'), dataIndex: 'message' },
      ]}
    />
  );
}
