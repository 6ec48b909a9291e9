import { useTranslation } from 'react-i18next';
import { ImportJobsTable } from '../modules/imports/components/ImportJobsTable.tsx';
import { ImportWizard } from '../modules/imports/components/ImportWizard.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

/** 导入: upload a member, event or order file, map its columns, preview and run the import. */
export default function ImportsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('imports.title')} description={t('imports.description')} />
      <ImportWizard />
      <ImportJobsTable />
    </>
  );
}
