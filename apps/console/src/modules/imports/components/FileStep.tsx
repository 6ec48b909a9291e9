import { InboxOutlined } from '@ant-design/icons';
import type { ImportFile } from '@cdp/protocol';
import { Button, Form, Input, Radio, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { useUploadImportFile } from '../hooks/useImports.ts';
import { IMPORT_KIND_VALUES, type ImportKindValue } from '../mapping.ts';

export interface FileStepValue {
  readonly kind: ImportKindValue;
  readonly source: string;
}

interface Props {
  readonly initial: FileStepValue;
  readonly onUploaded: (value: FileStepValue, file: ImportFile) => void;
}

/** Step 1: kind, source name and the file, uploaded on "next". */
export function FileStep({ initial, onUploaded }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FileStepValue>();
  const [file, setFile] = useState<File | null>(null);
  const [fileMissing, setFileMissing] = useState(false);
  const upload = useUploadImportFile();

  const onFinish = (value: FileStepValue): void => {
    if (!file) {
      setFileMissing(true);
      return;
    }
    upload.mutate(file, {
      onSuccess: (uploaded) => onUploaded({ ...value, source: value.source.trim() }, uploaded),
    });
  };

  return (
    <Form form={form} layout="vertical" initialValues={initial} onFinish={onFinish} style={{ maxWidth: 560 }}>
      <Form.Item name="kind" label={t('imports.kind')}>
        <Radio.Group
          optionType="button"
          options={IMPORT_KIND_VALUES.map((k) => ({ value: k, label: t(`imports.kinds.${k}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="source"
        label={t('imports.source')}
        rules={[{ required: true, whitespace: true, message: t('imports.sourceRequired') }]}
      >
        <Input placeholder={t('imports.sourcePlaceholder')} maxLength={100} />
      </Form.Item>
      <Form.Item
        label={t('imports.file')}
        required
        validateStatus={fileMissing ? 'error' : undefined}
        help={fileMissing ? t('imports.fileRequired') : undefined}
      >
        <Upload.Dragger
          accept=".csv,.jsonl,.ndjson,.xlsx"
          maxCount={1}
          fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
          beforeUpload={(f) => {
            setFile(f);
            setFileMissing(false);
            return false;
          }}
          onRemove={() => setFile(null)}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('imports.fileHint')}</p>
        </Upload.Dragger>
      </Form.Item>
      {upload.isError ? <ErrorAlert error={upload.error} /> : null}
      <Button type="primary" htmlType="submit" loading={upload.isPending} data-testid="import-upload">
        {t('imports.upload')}
      </Button>
    </Form>
  );
}
