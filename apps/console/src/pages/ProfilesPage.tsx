import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ProfileResultsTable } from '../modules/profiles/components/ProfileResultsTable.tsx';
import { ProfileSearchForm } from '../modules/profiles/components/ProfileSearchForm.tsx';
import { useProfileSearch } from '../modules/profiles/hooks/useProfiles.ts';
import { type ProfileSearch, readSearch, writeSearch } from '../modules/profiles/search.ts';
import { ErrorAlert } from '../ui/ErrorAlert.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

/** 客户档案: find customers by identifier or name; each result opens the 360° view. */
export default function ProfilesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const search = readSearch(params);
  const active = search.q !== '';
  const results = useProfileSearch(active ? search : null);
  const items = active ? (results.data?.items ?? []) : [];

  const onSearch = (next: ProfileSearch): void => setParams(writeSearch(next), { replace: true });

  return (
    <>
      <PageHeader title={t('profiles.title')} description={t('profiles.description')} />
      <Card styles={{ body: { padding: 0 } }}>
        <Flex justify="space-between" align="center" wrap gap={8} style={{ padding: 16 }}>
          <ProfileSearchForm value={search} loading={results.isFetching} onSearch={onSearch} />
          {active && results.data ? (
            <Typography.Text type="secondary" data-testid="profile-search-count">
              {t('profiles.search.count', { count: items.length })}
            </Typography.Text>
          ) : null}
        </Flex>
        {results.isError ? <ErrorAlert error={results.error} onRetry={() => void results.refetch()} /> : null}
        <ProfileResultsTable
          profiles={items}
          loading={active && results.isPending}
          emptyText={active ? t('profiles.search.empty') : t('profiles.search.hint')}
        />
      </Card>
    </>
  );
}
