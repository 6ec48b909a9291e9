import type { IdentifierTypeDef, RuleImpact } from '@cdp/protocol';
import type { TableColumnsType } from 'antd';
import {
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { useDescribeError } from '../../../ui/useDescribeError.ts';
import { useIdentitySettings, usePublishRules, useSimulateRules } from '../hooks/useIdentity.ts';
import {
  addType,
  IDENTIFIER_FORMAT_VALUES,
  isDirty,
  type NewTypeInput,
  newTypeProblem,
  REQUIRED_TYPES,
  removeType,
  sortTypes,
  toRules,
  updateType,
} from '../rules.ts';

const IMPACT_KEYS = [
  'profilesBefore',
  'profilesAfter',
  'merges',
  'splits',
  'created',
  'removed',
  'movedIdentifiers',
] as const;

/** 规则: identifier types with editable priority and limit; simulate, then publish. */
export function RulesTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const describe = useDescribeError();
  const settings = useIdentitySettings();
  const simulate = useSimulateRules();
  const publish = usePublishRules();
  const [types, setTypes] = useState<IdentifierTypeDef[]>([]);
  const [impact, setImpact] = useState<RuleImpact | null>(null);
  const [form] = Form.useForm<NewTypeInput>();
  const published = settings.data?.types;

  useEffect(() => {
    if (published) setTypes(published);
  }, [published]);

  const edit = (next: IdentifierTypeDef[]): void => {
    setTypes(next);
    setImpact(null);
  };

  const onAdd = (input: NewTypeInput): void => {
    const problem = newTypeProblem(types, input);
    if (problem) {
      form.setFields([{ name: 'name', errors: [t(`identity.rules.${problem}`)] }]);
      return;
    }
    edit(addType(types, input));
    form.resetFields();
  };

  const onSimulate = (): void =>
    simulate.mutate(toRules(types), { onSuccess: setImpact, onError: (err) => message.error(describe(err)) });
  const onPublish = (): void =>
    publish.mutate(toRules(types), {
      onSuccess: (result) => {
        setImpact(result);
        message.success(t('identity.rules.published'));
      },
      onError: (err) => message.error(describe(err)),
    });

  if (settings.isError) return <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />;

  const columns: TableColumnsType<IdentifierTypeDef> = [
    {
      title: t('identity.rules.name'),
      dataIndex: 'name',
      render: (_, d) => <Typography.Text code>{d.name}</Typography.Text>,
    },
    {
      title: t('identity.rules.format'),
      dataIndex: 'format',
      width: 100,
      render: (_, d) => t(`identity.rules.formats.${d.format}`),
    },
    {
      title: t('identity.rules.priority'),
      dataIndex: 'priority',
      width: 130,
      render: (_, d) => (
        <InputNumber
          min={0}
          max={1000}
          precision={0}
          value={d.priority}
          onChange={(v) => v !== null && edit(updateType(types, d.name, { priority: v }))}
        />
      ),
    },
    {
      title: t('identity.rules.maxPerProfile'),
      dataIndex: 'maxPerProfile',
      width: 140,
      render: (_, d) => (
        <InputNumber
          min={1}
          max={1000}
          precision={0}
          value={d.maxPerProfile}
          onChange={(v) => v !== null && edit(updateType(types, d.name, { maxPerProfile: v }))}
        />
      ),
    },
    {
      title: t('identity.rules.traitKeys'),
      key: 'traitKeys',
      render: (_, d) => d.traitKeys.map((k) => <Tag key={k}>{k}</Tag>),
    },
    {
      title: t('identity.rules.junkValues'),
      key: 'junk',
      width: 110,
      render: (_, d) => t('identity.rules.junkCount', { count: d.junkValues.length }),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_, d) =>
        REQUIRED_TYPES.includes(d.name) || published?.some((p) => p.name === d.name) ? null : (
          <Button type="link" size="small" danger onClick={() => edit(removeType(types, d.name))}>
            {t('identity.rules.remove')}
          </Button>
        ),
    },
  ];

  const dirty = published !== undefined && isDirty(published, types);
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">
          {t('identity.rules.version', { version: settings.data?.version ?? '-' })}
        </Typography.Text>
        <Flex gap={8}>
          <Button disabled={!dirty} onClick={() => published && edit(published)}>
            {t('identity.rules.reset')}
          </Button>
          <Button onClick={onSimulate} loading={simulate.isPending} disabled={types.length === 0}>
            {t('identity.rules.simulate')}
          </Button>
          <Popconfirm title={t('identity.rules.publishConfirm')} onConfirm={onPublish}>
            <Button type="primary" loading={publish.isPending} disabled={!dirty}>
              {t('identity.rules.publish')}
            </Button>
          </Popconfirm>
        </Flex>
      </Flex>
      {impact ? (
        <Descriptions
          bordered
          size="small"
          title={t('identity.rules.impact')}
          column={{ xs: 1, md: 3 }}
          items={IMPACT_KEYS.map((k) => ({ key: k, label: t(`identity.impact.${k}`), children: impact[k] }))}
        />
      ) : null}
      <Table<IdentifierTypeDef>
        rowKey="name"
        size="small"
        pagination={false}
        loading={settings.isPending}
        columns={columns}
        dataSource={sortTypes(types)}
      />
      <Card size="small" title={t('identity.rules.add')}>
        <Form<NewTypeInput>
          form={form}
          layout="inline"
          initialValues={{ format: 'text', priority: 30, maxPerProfile: 5, traitKeys: '', name: '' }}
          onFinish={onAdd}
        >
          <Form.Item
            name="name"
            label={t('identity.rules.name')}
            rules={[{ required: true, message: t('identity.rules.invalidName') }]}
          >
            <Input placeholder={t('identity.rules.namePlaceholder')} style={{ width: 260 }} />
          </Form.Item>
          <Form.Item name="format" label={t('identity.rules.format')}>
            <Select
              style={{ width: 110 }}
              options={IDENTIFIER_FORMAT_VALUES.map((f) => ({
                value: f,
                label: t(`identity.rules.formats.${f}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="priority" label={t('identity.rules.priority')}>
            <InputNumber min={0} max={1000} precision={0} />
          </Form.Item>
          <Form.Item name="maxPerProfile" label={t('identity.rules.maxPerProfile')}>
            <InputNumber min={1} max={1000} precision={0} />
          </Form.Item>
          <Form.Item name="traitKeys" label={t('identity.rules.traitKeys')}>
            <Input placeholder={t('identity.rules.traitKeysPlaceholder')} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item>
            <Button htmlType="submit">{t('identity.rules.addSubmit')}</Button>
          </Form.Item>
        </Form>
      </Card>
    </Flex>
  );
}
