import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Flex, Progress, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { useImportJob } from '../hooks/useImports.ts';
import { progressPercent } from '../mapping.ts';
import { ImportStatusTag } from './ImportStatusTag.tsx';

/** Step 4: the running job, polled every second. */
export function RunStep({ jobId, onRestart }: { readonly jobId: string; readonly onRestart: () => void }) {
  const { t } = useTranslation();
  const job = useImportJob(jobId);
  if (job.isError) return <ErrorAlert error={job.error} onRetry={() => void job.refetch()} />;
  const data = job.data;
  if (!data) return <Progress percent={0} />;
  const status = data.status === 'running' ? 'active' : data.status === 'done' ? 'success' : 'exception';
  return (
    <Flex vertical gap={16}>
      <Flex gap={8} align="center">
        <ImportStatusTag status={data.status} />
        {data.filename}
      </Flex>
      <Progress percent={progressPercent(data)} status={status} data-testid="import-progress" />
      <Row gutter={16}>
        {(['rows', 'imported', 'duplicates', 'rejected'] as const).map((k) => (
          <Col key={k} xs={12} md={6}>
            <Statistic title={t(`imports.counts.${k}`)} value={data[k]} />
          </Col>
        ))}
      </Row>
      {data.error ? <Alert type="error" showIcon title={data.error} /> : null}
      <Flex gap={8}>
        {data.rejected > 0 || data.errors.length > 0 ? (
          <Button icon={<DownloadOutlined />} href={api.imports.errorsUrl(data.id)} target="_blank">
            {t('imports.downloadErrors')}
          </Button>
        ) : null}
        {data.status !== 'running' ? (
          <Button type="primary" onClick={onRestart}>
            {t('imports.restart')}
          </Button>
        ) : null}
      </Flex>
    </Flex>
  );
}
