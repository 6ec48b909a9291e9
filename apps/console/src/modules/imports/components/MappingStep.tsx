import type { ImportFile } from '@cdp/protocol';
import type { TableColumnsType } from 'antd';
import { Alert, Button, Flex, Form, Input, Select, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useIdentitySettings } from '../../identity/hooks/useIdentity.ts';
import {
  cellText,
  decodeTarget,
  duplicateColumns,
  hasIdentifier,
  IGNORE,
  type ImportKindValue,
  type MappingExtras,
} from '../mapping.ts';
import { targetOptionGroups } from '../targetOptions.ts';
import { useTargetLabel } from './TargetLabel.tsx';

/** Identifier types offered when the identity settings cannot be read. */
const FALLBACK_TYPES = [
  'user_id',
  'member_id',
  'wechat_unionid',
  'phone',
  'email',
  'wechat_openid',
  'device_id',
];

interface Props {
  readonly file: ImportFile;
  readonly kind: ImportKindValue;
  readonly choices: Readonly<Record<string, string>>;
  readonly extras: MappingExtras;
  readonly onChange: (choices: Record<string, string>, extras: MappingExtras) => void;
}

interface Row {
  readonly column: string;
  readonly sample: string;
}

/** Step 2: one target per file column, prefilled from the server's suggestion. */
export function MappingStep({ file, kind, choices, extras, onChange }: Props) {
  const { t } = useTranslation();
  const label = useTargetLabel();
  const settings = useIdentitySettings();
  const typeNames =
    settings.data?.types.map((x) => x.name).filter((n) => n !== 'anonymous_id') ?? FALLBACK_TYPES;
  const groups = targetOptionGroups(kind, typeNames, Object.values(choices));
  const options = [
    { value: IGNORE, label: t('imports.ignore') },
    ...groups.map((g) => ({
      label: t(`imports.groups.${g.group}`),
      options: g.options.map((o) => ({ value: o.value, label: label(o.target) })),
    })),
  ];
  const dupes = duplicateColumns(choices);
  const needsAppId = Object.values(choices).some((c) => {
    const target = decodeTarget(c);
    return target !== undefined && 'identifier' in target && target.identifier === 'wechat_openid';
  });

  const rows: Row[] = file.headers.map((column) => ({
    column,
    sample: cellText(file.sample.find((r) => cellText(r[column]) !== '')?.[column]),
  }));
  const columns: TableColumnsType<Row> = [
    { title: t('imports.column'), dataIndex: 'column', width: 200 },
    {
      title: t('imports.target'),
      key: 'target',
      width: 280,
      render: (_, row) => (
        <Select
          style={{ width: '100%' }}
          showSearch={{ optionFilterProp: 'label' }}
          value={choices[row.column] ?? IGNORE}
          options={options}
          onChange={(value: string) => onChange({ ...choices, [row.column]: value }, extras)}
          data-testid="import-mapping-select"
        />
      ),
    },
    {
      title: t('imports.sample'),
      dataIndex: 'sample',
      render: (v: string) => <Typography.Text type="secondary">{v}</Typography.Text>,
    },
  ];
  const sampleColumns: TableColumnsType<Record<string, unknown>> = file.headers.map((h) => ({
    title: h,
    key: h,
    ellipsis: true,
    render: (_, r) => cellText(r[h]),
  }));

  return (
    <Flex vertical gap={16}>
      {!hasIdentifier(choices) ? <Alert type="warning" showIcon title={t('imports.needIdentifier')} /> : null}
      {dupes.length > 0 ? (
        <Alert type="warning" showIcon title={t('imports.duplicates', { columns: dupes.join('、') })} />
      ) : null}
      <Table<Row> rowKey="column" size="small" pagination={false} columns={columns} dataSource={rows} />
      <Form layout="inline">
        {kind !== 'profiles' ? (
          <Form.Item label={t('imports.defaultEvent')}>
            <Input
              value={extras.defaultEvent ?? ''}
              placeholder={t('imports.defaultEventPlaceholder')}
              onChange={(e) => onChange({ ...choices }, { ...extras, defaultEvent: e.target.value })}
            />
          </Form.Item>
        ) : null}
        {needsAppId ? (
          <Form.Item label={t('imports.wechatAppId')}>
            <Input
              value={extras.wechatAppId ?? ''}
              placeholder="wx0123456789abcdef"
              onChange={(e) => onChange({ ...choices }, { ...extras, wechatAppId: e.target.value })}
            />
          </Form.Item>
        ) : null}
      </Form>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('imports.sampleRows')}
      </Typography.Title>
      <Table<Record<string, unknown>>
        rowKey={(_, i) => String(i)}
        size="small"
        pagination={false}
        scroll={{ x: true }}
        columns={sampleColumns}
        dataSource={file.sample.slice(0, 5)}
      />
    </Flex>
  );
}

export function StepButtons({
  onBack,
  onNext,
  nextLabel,
  nextDisabled,
  loading,
}: {
  readonly onBack?: () => void;
  readonly onNext: () => void;
  readonly nextLabel: string;
  readonly nextDisabled?: boolean;
  readonly loading?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Flex gap={8} style={{ marginTop: 16 }}>
      {onBack ? <Button onClick={onBack}>{t('imports.back')}</Button> : null}
      <Button
        type="primary"
        onClick={onNext}
        disabled={nextDisabled}
        loading={loading}
        data-testid="import-next"
      >
        {nextLabel}
      </Button>
    </Flex>
  );
}
