import type { ImportFile, ImportPreview } from '@cdp/protocol';
import { useQueryClient } from '@tanstack/react-query';
import { Card, Steps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { importKeys, usePreviewImport, useStartImport } from '../hooks/useImports.ts';
import {
  choicesFromMapping,
  duplicateColumns,
  hasIdentifier,
  type MappingExtras,
  mappingFromChoices,
} from '../mapping.ts';
import { FileStep, type FileStepValue } from './FileStep.tsx';
import { MappingStep, StepButtons } from './MappingStep.tsx';
import { PreviewStep } from './PreviewStep.tsx';
import { RunStep } from './RunStep.tsx';

type Step = 0 | 1 | 2 | 3;

/** 导入向导: file → column mapping → preview → run. */
export function ImportWizard() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step>(0);
  const [basics, setBasics] = useState<FileStepValue>({ kind: 'profiles', source: '' });
  const [file, setFile] = useState<ImportFile | null>(null);
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [extras, setExtras] = useState<MappingExtras>({});
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const previewImport = usePreviewImport();
  const startImport = useStartImport();

  const onUploaded = (value: FileStepValue, uploaded: ImportFile): void => {
    // The user's choice of kind wins; the server's guess only fills in the columns.
    setBasics(value);
    setFile(uploaded);
    setChoices(choicesFromMapping(uploaded.headers, uploaded.suggested));
    setExtras({});
    previewImport.reset();
    setStep(1);
  };

  const mapping = () => mappingFromChoices(choices, extras);

  const runPreview = (): void => {
    if (!file) return;
    previewImport.mutate(
      { fileId: file.id, kind: basics.kind, mapping: mapping() },
      {
        onSuccess: (result) => {
          setPreview(result);
          setStep(2);
        },
      },
    );
  };

  const start = (): void => {
    if (!file) return;
    startImport.mutate(
      { fileId: file.id, kind: basics.kind, mapping: mapping(), source: basics.source },
      {
        onSuccess: (job) => {
          setJobId(job.id);
          setStep(3);
        },
      },
    );
  };

  const restart = (): void => {
    setStep(0);
    setFile(null);
    setPreview(null);
    setJobId(null);
    previewImport.reset();
    startImport.reset();
    void queryClient.invalidateQueries({ queryKey: importKeys.list });
  };

  return (
    <Card style={{ marginBottom: 16 }}>
      <Steps
        current={step}
        style={{ marginBottom: 24 }}
        items={[
          { title: t('imports.steps.file') },
          { title: t('imports.steps.mapping') },
          { title: t('imports.steps.preview') },
          { title: t('imports.steps.run') },
        ]}
      />
      {step === 0 ? <FileStep initial={basics} onUploaded={onUploaded} /> : null}
      {step === 1 && file ? (
        <>
          <Typography.Paragraph type="secondary">
            {t('imports.uploaded', { filename: file.filename, count: file.headers.length })} ·{' '}
            {t(`imports.kinds.${basics.kind}`)} · {basics.source}
          </Typography.Paragraph>
          <MappingStep
            file={file}
            kind={basics.kind}
            choices={choices}
            extras={extras}
            onChange={(c, e) => {
              setChoices(c);
              setExtras(e);
            }}
          />
          {previewImport.isError ? <ErrorAlert error={previewImport.error} /> : null}
          <StepButtons
            onBack={() => setStep(0)}
            onNext={runPreview}
            nextLabel={t('imports.preview')}
            nextDisabled={!hasIdentifier(choices) || duplicateColumns(choices).length > 0}
            loading={previewImport.isPending}
          />
        </>
      ) : null}
      {step === 2 && preview ? (
        <>
          <PreviewStep preview={preview} />
          {startImport.isError ? <ErrorAlert error={startImport.error} /> : null}
          <StepButtons
            onBack={() => setStep(1)}
            onNext={start}
            nextLabel={t('imports.start')}
            loading={startImport.isPending}
          />
        </>
      ) : null}
      {step === 3 && jobId ? <RunStep jobId={jobId} onRestart={restart} /> : null}
    </Card>
  );
}
