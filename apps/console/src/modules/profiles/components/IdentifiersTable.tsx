import { ScissorOutlined } from '@ant-design/icons';
import type { ProfileIdentifier } from '@cdp/protocol';
import type { TableColumnsType } from 'antd';
import { Button, Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../ui/format.ts';
import { byPriority, identifierKey } from '../identifiers.ts';
import { IdentifierTag } from './IdentifierTag.tsx';

interface Props {
  readonly identifiers: readonly ProfileIdentifier[];
  readonly onRetract: (identifier: ProfileIdentifier) => void;
}

const ROW_TEST_ID: HTMLAttributes<HTMLElement> = { ['data-testid' as string]: 'identifier-row' };

/** The profile's identifiers by priority, each with a "retract identifier" action. */
export function IdentifiersTable({ identifiers, onRetract }: Props) {
  const { t, i18n } = useTranslation();
  const columns: TableColumnsType<ProfileIdentifier> = [
    {
      title: t('profiles.columns.type'),
      dataIndex: 'type',
      width: 130,
      render: (_, i) => <IdentifierTag identifier={i} typeOnly />,
    },
    {
      title: t('profiles.columns.value'),
      dataIndex: 'value',
      render: (_, i) => (
        <Typography.Text copyable style={{ wordBreak: 'break-all' }}>
          {i.value}
        </Typography.Text>
      ),
    },
    {
      title: t('profiles.columns.firstSeen'),
      dataIndex: 'firstSeenAt',
      width: 180,
      render: (_, i) => formatDateTime(i.firstSeenAt, i18n.language),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 130,
      render: (_, i) => (
        <Button
          type="link"
          size="small"
          danger
          icon={<ScissorOutlined />}
          data-testid="identifier-retract"
          onClick={() => onRetract(i)}
        >
          {t('profiles.identifiers.retract')}
        </Button>
      ),
    },
  ];
  return (
    <Table<ProfileIdentifier>
      size="small"
      rowKey={identifierKey}
      columns={columns}
      dataSource={byPriority(identifiers)}
      pagination={false}
      onRow={() => ROW_TEST_ID}
      scroll={{ x: 640 }}
    />
  );
}
