import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { CategoryTree } from '../modules/tags/components/CategoryTree.tsx';
import { TagsTable } from '../modules/tags/components/TagsTable.tsx';
import { useTagCategories, useTags } from '../modules/tags/hooks/useTags.ts';
import { ErrorAlert } from '../ui/ErrorAlert.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

/** The tag factory: the category tree on the left, the selected category's tags on the right. */
export default function TagsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const selected = params.get('category');
  const categories = useTagCategories();
  const tags = useTags(selected);
  const error = categories.error ?? tags.error;
  return (
    <>
      <PageHeader
        title={t('tags.title')}
        description={t('tags.description')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            data-testid="tag-create"
            onClick={() =>
              navigate(selected ? `/tags/new?category=${encodeURIComponent(selected)}` : '/tags/new')
            }
          >
            {t('tags.create')}
          </Button>
        }
      />
      {error ? (
        <ErrorAlert error={error} onRetry={() => void Promise.all([categories.refetch(), tags.refetch()])} />
      ) : null}
      <Row gutter={16}>
        <Col xs={24} lg={6} xl={5} xxl={4}>
          <CategoryTree
            categories={categories.data?.items ?? []}
            loading={categories.isPending}
            selected={selected}
            onSelect={(id) => setParams(id === null ? {} : { category: id }, { replace: true })}
          />
        </Col>
        <Col xs={24} lg={18} xl={19} xxl={20}>
          <Card size="small">
            <TagsTable tags={tags.data?.items ?? []} loading={tags.isFetching} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
