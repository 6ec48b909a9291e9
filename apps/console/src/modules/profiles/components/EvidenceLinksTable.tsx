import { DisconnectOutlined } from '@ant-design/icons';
import type { ProfileGraph } from '@cdp/protocol';
import type { TableColumnsType } from 'antd';
import { Button, Table, Tag } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../ui/format.ts';
import { byPriority, identifierKey } from '../identifiers.ts';
import { EvidenceLabel } from './EvidenceLabel.tsx';
import { IdentifierTag } from './IdentifierTag.tsx';

export type EvidenceLink = ProfileGraph['links'][number];

interface Props {
  readonly links: readonly EvidenceLink[];
  readonly sourceNames: ReadonlyMap<string, string>;
  /** Evidence on the explained path, highlighted. */
  readonly onPath: ReadonlySet<string>;
  readonly onRetract: (link: EvidenceLink) => void;
}

const ROW_TEST_ID: HTMLAttributes<HTMLElement> = { ['data-testid' as string]: 'evidence-row' };

/** Each piece of evidence linking the profile's identifiers, newest first, with "retract evidence". */
export function EvidenceLinksTable({ links, sourceNames, onPath, onRetract }: Props) {
  const { t, i18n } = useTranslation();
  const columns: TableColumnsType<EvidenceLink> = [
    {
      title: t('profiles.columns.evidence'),
      dataIndex: 'evidenceId',
      width: 260,
      render: (_, l) => <EvidenceLabel id={l.evidenceId} sourceNames={sourceNames} />,
    },
    {
      title: t('profiles.columns.kind'),
      dataIndex: 'kind',
      width: 110,
      render: (_, l) => <Tag>{t(`profiles.evidence.kinds.${l.kind}`)}</Tag>,
    },
    {
      title: t('profiles.columns.linked'),
      key: 'identifiers',
      render: (_, l) =>
        byPriority(l.identifiers).map((i) => <IdentifierTag key={identifierKey(i)} identifier={i} />),
    },
    {
      title: t('profiles.columns.eventTime'),
      dataIndex: 'at',
      width: 180,
      render: (_, l) => formatDateTime(l.at, i18n.language),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 130,
      render: (_, l) => (
        <Button
          type="link"
          size="small"
          danger
          icon={<DisconnectOutlined />}
          data-testid="evidence-retract"
          onClick={() => onRetract(l)}
        >
          {t('profiles.evidence.retract')}
        </Button>
      ),
    },
  ];
  const sorted = [...links].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return (
    <Table<EvidenceLink>
      size="small"
      rowKey="evidenceId"
      columns={columns}
      dataSource={sorted}
      pagination={sorted.length > 20 ? { pageSize: 20 } : false}
      locale={{ emptyText: t('profiles.evidence.empty') }}
      rowClassName={(l) => (onPath.has(l.evidenceId) ? 'ant-table-row-selected' : '')}
      onRow={() => ROW_TEST_ID}
      scroll={{ x: 900 }}
    />
  );
}
