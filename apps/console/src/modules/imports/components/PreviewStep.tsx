import type { ImportPreview } from '@cdp/protocol';
import type { TableColumnsType } from 'antd';
import { Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

type PreviewRow = ImportPreview['rows'][number];

/** Step 3: each sample row as the server would import it, or why it would be rejected. */
export function PreviewStep({ preview }: { readonly preview: ImportPreview }) {
  const { t } = useTranslation();
  const ok = preview.rows.filter((r) => r.ok).length;
  const columns: TableColumnsType<PreviewRow> = [
    { title: t('imports.row'), dataIndex: 'row', width: 80 },
    {
      title: t('imports.status'),
      key: 'status',
      render: (_, r) =>
        r.ok ? (
          <Tag color="success">{t('imports.rowOk')}</Tag>
        ) : (
          <Flex vertical gap={4}>
            {r.errors.map((e) => (
              <span key={`${e.column}:${e.reason}`}>
                <Tag color="error">{t('imports.rowError')}</Tag>
                <Typography.Text code>{e.column}</Typography.Text> {e.reason}
                {e.detail ? <Typography.Text type="secondary"> — {e.detail}</Typography.Text> : null}
              </span>
            ))}
          </Flex>
        ),
    },
  ];
  return (
    <Flex vertical gap={12}>
      <Typography.Text data-testid="import-preview-summary">
        {t('imports.previewSummary', { ok, failed: preview.rows.length - ok })}
      </Typography.Text>
      <Table<PreviewRow>
        rowKey="row"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={preview.rows}
      />
    </Flex>
  );
}
