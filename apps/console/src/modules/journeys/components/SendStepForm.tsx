import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { JourneyStep } from '@cdp/protocol';
import { Alert, Button, Flex, Form, Input, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSendTargets } from '../hooks/useSendTargets.ts';

type SendStep = Extract<JourneyStep, { kind: 'send' }>;
type Row = { readonly key: string; readonly value: string };

/** Rows with a blank or repeated field name are kept on screen but not sent. */
function rowProblem(rows: readonly Row[], index: number): 'emptyKey' | 'duplicateKey' | null {
  const key = rows[index].key.trim();
  if (key === '') return 'emptyKey';
  return rows.findIndex((r) => r.key.trim() === key) !== index ? 'duplicateKey' : null;
}

const toData = (rows: readonly Row[]): Record<string, string> =>
  Object.fromEntries(rows.filter((_, i) => rowProblem(rows, i) === null).map((r) => [r.key.trim(), r.value]));

/** 发送消息: a destination and the message fields, each a Liquid template over the profile. */
export function SendStepForm({ step, onChange }: { step: SendStep; onChange: (step: SendStep) => void }) {
  const { t, i18n } = useTranslation();
  const targets = useSendTargets();
  const [rows, setRows] = useState<Row[]>(() =>
    Object.entries(step.data).map(([key, value]) => ({ key, value })),
  );
  const update = (next: Row[]) => {
    setRows(next);
    onChange({ ...step, data: toData(next) });
  };
  const setRow = (index: number, patch: Partial<Row>) =>
    update(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));

  return (
    <Form layout="vertical">
      <Form.Item label={t('journeys.send.destination')} required>
        <Select<string>
          data-testid="send-destination"
          placeholder={t('journeys.send.destinationPlaceholder')}
          loading={targets.isPending}
          showSearch={{ optionFilterProp: 'search' }}
          value={step.destinationId || undefined}
          onChange={(destinationId) => onChange({ ...step, destinationId })}
          options={targets.items.map((d) => ({
            value: d.id,
            search: `${d.name} ${d.type}`,
            label: (
              <Flex justify="space-between" gap={8}>
                <span>{d.name}</span>
                <span>
                  {d.enabled ? null : <Tag color="orange">{t('journeys.send.disabled')}</Tag>}
                  <Typography.Text type="secondary">
                    {d.label?.[i18n.language === 'en' ? 'en' : 'zh-CN'] ?? d.type}
                  </Typography.Text>
                </span>
              </Flex>
            ),
          }))}
        />
      </Form.Item>
      {!targets.isPending && targets.items.length === 0 ? (
        <Alert type="info" showIcon title={t('journeys.send.noDestinations')} style={{ marginBottom: 16 }} />
      ) : null}
      <Form.Item
        label={t('journeys.send.data')}
        extra={t('journeys.send.templateHint', { example: '{{ traits.name }}' })}
      >
        <Flex vertical gap={8}>
          {rows.map((row, i) => {
            const problem = rowProblem(rows, i);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place by position
              <Flex key={i} gap={8} align="start" data-testid="send-data-row">
                <Flex vertical style={{ width: 130 }}>
                  <Input
                    data-testid="send-data-key"
                    placeholder={t('journeys.send.key')}
                    maxLength={64}
                    status={problem ? 'error' : undefined}
                    value={row.key}
                    onChange={(e) => setRow(i, { key: e.target.value })}
                  />
                  {problem ? (
                    <Typography.Text type="danger" style={{ fontSize: 12 }}>
                      {t(`journeys.send.${problem}`)}
                    </Typography.Text>
                  ) : null}
                </Flex>
                <Input.TextArea
                  data-testid="send-data-value"
                  placeholder={t('journeys.send.value')}
                  autoSize={{ minRows: 1, maxRows: 6 }}
                  maxLength={5000}
                  value={row.value}
                  onChange={(e) => setRow(i, { value: e.target.value })}
                />
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('journeys.send.remove')}
                  onClick={() => update(rows.filter((_, j) => j !== i))}
                />
              </Flex>
            );
          })}
          <Button
            size="small"
            type="dashed"
            icon={<PlusOutlined />}
            data-testid="send-data-add"
            style={{ alignSelf: 'flex-start' }}
            onClick={() => update([...rows, { key: '', value: '' }])}
          >
            {t('journeys.send.add')}
          </Button>
        </Flex>
      </Form.Item>
    </Form>
  );
}
