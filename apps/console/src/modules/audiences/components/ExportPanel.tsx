import { DownloadOutlined } from '@ant-design/icons';
import { Button, Form, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ExportFormat, exportUrl } from '../export.ts';
import { useIdentifierTypeOptions } from '../hooks/useIdentifierTypeOptions.ts';
import { useTraitKeys } from '../hooks/useVocabulary.ts';

/** Download the members as CSV or XLSX with the chosen identifier types and traits. */
export function ExportPanel({ audienceId }: { readonly audienceId: string }) {
  const { t } = useTranslation();
  const identifierOptions = useIdentifierTypeOptions();
  const traits = useTraitKeys();
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [identifiers, setIdentifiers] = useState<string[]>(['phone', 'email']);
  const [traitKeys, setTraitKeys] = useState<string[]>([]);
  return (
    <Form layout="vertical" style={{ maxWidth: 640 }}>
      <Form.Item label={t('audiences.export.format')}>
        <Radio.Group
          value={format}
          onChange={(e) => setFormat(e.target.value)}
          options={[
            { value: 'csv', label: 'CSV' },
            { value: 'xlsx', label: 'XLSX' },
          ]}
        />
      </Form.Item>
      <Form.Item label={t('audiences.export.identifiers')}>
        <Select<string[]>
          mode="multiple"
          value={identifiers}
          onChange={setIdentifiers}
          options={identifierOptions}
          showSearch={{ optionFilterProp: 'label' }}
        />
      </Form.Item>
      <Form.Item label={t('audiences.export.traits')}>
        <Select<string[]>
          mode="tags"
          placeholder={t('audiences.export.traitsPlaceholder')}
          value={traitKeys}
          onChange={setTraitKeys}
          options={(traits.data?.items ?? []).map((k) => ({ value: k.key, label: k.key }))}
        />
      </Form.Item>
      <Button
        type="primary"
        icon={<DownloadOutlined />}
        data-testid="audience-export"
        href={exportUrl(audienceId, { format, identifiers, traits: traitKeys })}
        download
      >
        {t('audiences.export.download')}
      </Button>
    </Form>
  );
}
