import type { AudienceOverlap } from '@cdp/protocol';
import { Flex, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { formatNumber } from '../../../ui/format.ts';
import { useAudienceOverlap, useAudiences } from '../hooks/useAudiences.ts';
import { rowTestId } from './rowTestId.ts';

type Pair = AudienceOverlap['pairs'][number];
const ROW = rowTestId('overlap-row');

/** Members shared with other audiences: pick audiences, see each pair. */
export function OverlapPanel({ audienceId }: { readonly audienceId: string }) {
  const { t, i18n } = useTranslation();
  const audiences = useAudiences();
  const [others, setOthers] = useState<string[]>([]);
  const overlap = useAudienceOverlap(others.length > 0 ? [audienceId, ...others] : []);
  const info = new Map((overlap.data?.audiences ?? []).map((a) => [a.id, a]));
  const share = (both: number, of: string) => {
    const size = info.get(of)?.size ?? 0;
    return size === 0
      ? ''
      : ` (${new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 }).format(both / size)})`;
  };
  const name = (id: string) => info.get(id)?.name ?? id;

  return (
    <Flex vertical gap={12}>
      <Select<string[]>
        data-testid="overlap-pick"
        mode="multiple"
        style={{ maxWidth: 640 }}
        placeholder={t('audiences.overlap.pick')}
        value={others}
        onChange={setOthers}
        showSearch={{ optionFilterProp: 'label' }}
        options={(audiences.data?.items ?? [])
          .filter((a) => a.id !== audienceId)
          .map((a) => ({ value: a.id, label: a.name }))}
      />
      {others.length === 0 ? (
        <Typography.Text type="secondary">{t('audiences.overlap.empty')}</Typography.Text>
      ) : null}
      {overlap.isError ? <ErrorAlert error={overlap.error} /> : null}
      {others.length > 0 ? (
        <Table<Pair>
          rowKey={(p) => `${p.a}|${p.b}`}
          size="small"
          loading={overlap.isFetching}
          dataSource={overlap.data?.pairs ?? []}
          pagination={false}
          onRow={() => ROW}
          columns={[
            { key: 'a', title: t('audiences.overlap.a'), render: (_, p) => name(p.a) },
            { key: 'b', title: t('audiences.overlap.b'), render: (_, p) => name(p.b) },
            {
              key: 'both',
              title: t('audiences.overlap.both'),
              align: 'right',
              render: (_, p) => `${formatNumber(p.both, i18n.language)}${share(p.both, p.a)}`,
            },
          ]}
        />
      ) : null}
    </Flex>
  );
}
