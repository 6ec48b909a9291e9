import { QuestionCircleOutlined } from '@ant-design/icons';
import { Button, Modal, Spin, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { ExplainTree } from '../../audiences/components/ExplainTree.tsx';
import { rowTestId } from '../../audiences/components/rowTestId.ts';
import {
  useAudience,
  useMembershipExplanation,
  useProfileAudiences,
} from '../../audiences/hooks/useAudiences.ts';

type Item = { audienceId: string; name: string; enteredAt: string };
const ROW = rowTestId('profile-audience-row');

function Explanation({ audienceId, profileId }: { readonly audienceId: string; readonly profileId: string }) {
  const audience = useAudience(audienceId);
  const explanation = useMembershipExplanation(audienceId, profileId);
  const error = explanation.error ?? audience.error;
  if (error) return <ErrorAlert error={error} />;
  if (!explanation.data || !audience.data) return <Spin />;
  return <ExplainTree explanation={explanation.data} definition={audience.data.definition} />;
}

/** The audiences a person is in, each with "why". */
export function ProfileAudiencesPanel({ profileId }: { readonly profileId: string }) {
  const { t, i18n } = useTranslation();
  const audiences = useProfileAudiences(profileId);
  const [open, setOpen] = useState<Item | null>(null);
  return (
    <>
      {audiences.isError ? (
        <ErrorAlert error={audiences.error} onRetry={() => void audiences.refetch()} />
      ) : null}
      <Table<Item>
        rowKey="audienceId"
        size="small"
        loading={audiences.isPending}
        dataSource={audiences.data?.items ?? []}
        pagination={false}
        onRow={() => ROW}
        locale={{ emptyText: t('audiences.profile.empty') }}
        columns={[
          {
            key: 'name',
            title: t('audiences.columns.name'),
            render: (_, a) => <Link to={`/audiences/${a.audienceId}`}>{a.name}</Link>,
          },
          {
            key: 'enteredAt',
            title: t('audiences.profile.enteredAt'),
            render: (_, a) => formatDateTime(a.enteredAt, i18n.language),
          },
          {
            key: 'why',
            title: t('common.actions'),
            render: (_, a) => (
              <Button
                size="small"
                icon={<QuestionCircleOutlined />}
                data-testid="profile-audience-why"
                onClick={() => setOpen(a)}
              >
                {t('audiences.profile.why')}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={open !== null}
        width={760}
        footer={null}
        destroyOnHidden
        title={open ? t('audiences.profile.explainTitle', { name: open.name }) : null}
        onCancel={() => setOpen(null)}
      >
        {open ? <Explanation audienceId={open.audienceId} profileId={profileId} /> : null}
      </Modal>
    </>
  );
}
