import { UploadOutlined } from '@ant-design/icons';
import type { ImportTagResult, Tag } from '@cdp/protocol';
import { Alert, App, Button, Card, Flex, Input, Segmented, Select, Table, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { useIdentifierTypeOptions } from '../../audiences/hooks/useIdentifierTypeOptions.ts';
import { useImportTagValues } from '../hooks/useTags.ts';
import { parseImportCsv } from '../importCsv.ts';

type Rejected = ImportTagResult['rejected'][number];

/** Upload values of an imported tag: CSV text or file → tags.import; rows not applied are listed. */
export function ImportPanel({ tag }: { readonly tag: Tag }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const typeOptions = useIdentifierTypeOptions();
  const [identifierType, setIdentifierType] = useState('phone');
  const [text, setText] = useState('');
  const [mode, setMode] = useState<'replace' | 'merge'>('replace');
  const upload = useImportTagValues(tag.id);
  const parsed = useMemo(() => parseImportCsv(text, identifierType), [text, identifierType]);
  // the server numbers JSON rows from 1; report the line of the text instead
  const [sentLines, setSentLines] = useState<number[]>([]);

  const onUpload = () => {
    if (parsed.rows.length === 0) return void message.warning(t('tags.import.nothing'));
    setSentLines(parsed.rows.map((r) => r.line));
    upload.mutate(
      {
        mode,
        rows: parsed.rows.map((r) => ({
          identifierType: r.identifierType,
          identifier: r.identifier,
          value: r.value,
        })),
      },
      { onSuccess: () => void message.success(t('tags.import.done')) },
    );
  };
  const result = upload.data;

  return (
    <Card size="small" title={t('tags.import.title')} data-testid="tag-import">
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('tags.import.hint')}</Typography.Text>
        <Flex gap={8} wrap align="center">
          <Select
            style={{ width: 220 }}
            value={identifierType}
            onChange={setIdentifierType}
            options={typeOptions}
          />
          <Segmented<'replace' | 'merge'>
            value={mode}
            onChange={setMode}
            options={[
              { value: 'replace', label: t('tags.import.replace') },
              { value: 'merge', label: t('tags.import.merge') },
            ]}
          />
          <Upload
            accept=".csv,.txt"
            showUploadList={false}
            beforeUpload={(file) => {
              void file.text().then(setText);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />}>{t('tags.import.file')}</Button>
          </Upload>
        </Flex>
        <Input.TextArea
          data-testid="tag-import-text"
          rows={6}
          placeholder={'13800138000,VIP\nuser_id,u-1,VIP'}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Text type={parsed.badLines.length > 0 ? 'warning' : 'secondary'}>
            {t('tags.import.parsed', { rows: parsed.rows.length, bad: parsed.badLines.length })}
            {parsed.badLines.length > 0
              ? ` (${t('tags.import.lines')} ${parsed.badLines.slice(0, 10).join(', ')})`
              : ''}
          </Typography.Text>
          <Button
            type="primary"
            data-testid="tag-import-submit"
            loading={upload.isPending}
            onClick={onUpload}
          >
            {t('tags.import.submit')}
          </Button>
        </Flex>
        {upload.isError ? <ErrorAlert error={upload.error} /> : null}
        {result ? (
          <>
            <Alert
              type={result.rejected.length > 0 ? 'warning' : 'success'}
              showIcon
              data-testid="tag-import-result"
              title={t('tags.import.result', {
                rows: result.rows,
                matched: result.matched,
                rejected: result.rejected.length,
              })}
            />
            {result.rejected.length > 0 ? (
              <Table<Rejected>
                size="small"
                rowKey="row"
                dataSource={result.rejected}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                columns={[
                  {
                    key: 'line',
                    title: t('tags.import.line'),
                    render: (_, r) => sentLines[r.row - 1] ?? r.row,
                  },
                  { key: 'type', title: t('tags.import.identifierType'), dataIndex: 'identifierType' },
                  { key: 'identifier', title: t('tags.import.identifier'), dataIndex: 'identifier' },
                  {
                    key: 'reason',
                    title: t('tags.import.reason'),
                    render: (_, r) => t(`tags.import.reasons.${r.reason}`),
                  },
                ]}
              />
            ) : null}
          </>
        ) : null}
      </Flex>
    </Card>
  );
}
