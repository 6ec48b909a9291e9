import { UploadOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Select, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { type AudienceDraft, type CombinationOperator, parseIdentifiers } from '../draft.ts';
import { useAudiences } from '../hooks/useAudiences.ts';
import { useIdentifierTypeOptions } from '../hooks/useIdentifierTypeOptions.ts';

type FileDraft = AudienceDraft['file'];
type CombinationDraft = AudienceDraft['combination'];

/** Identifiers of one type, pasted or read from a text/CSV file, one per line. */
export function FileSourceInput({
  value,
  onChange,
  keptTotal,
}: {
  readonly value: FileDraft;
  readonly onChange: (file: FileDraft) => void;
  /** Editing: how many identifiers stay when nothing new is uploaded. */
  readonly keptTotal?: number;
}) {
  const { t } = useTranslation();
  const types = useIdentifierTypeOptions();
  const count = parseIdentifiers(value.type, value.text).length;
  return (
    <Flex vertical gap={8}>
      <Flex gap={8} wrap align="center">
        <Typography.Text>{t('audiences.file.type')}</Typography.Text>
        <Select<string>
          data-testid="file-type"
          style={{ width: 240 }}
          value={value.type}
          onChange={(type) => onChange({ ...value, type })}
          options={types}
          showSearch={{ optionFilterProp: 'label' }}
        />
        <Upload
          accept=".txt,.csv"
          showUploadList={false}
          beforeUpload={(file) => {
            void file.text().then((text) => onChange({ ...value, text }));
            return false;
          }}
        >
          <Button icon={<UploadOutlined />}>{t('audiences.file.upload')}</Button>
        </Upload>
      </Flex>
      <Input.TextArea
        data-testid="file-values"
        rows={8}
        placeholder={t('audiences.file.placeholder')}
        value={value.text}
        onChange={(e) => onChange({ ...value, text: e.target.value })}
      />
      <Typography.Text type="secondary">
        {count === 0 && keptTotal !== undefined
          ? t('audiences.builder.fileKeep', { total: keptTotal })
          : t('audiences.file.parsed', { n: count })}
      </Typography.Text>
    </Flex>
  );
}

const OPERATORS: readonly CombinationOperator[] = ['union', 'intersection', 'exclusion'];

/** Other audiences joined by union, intersection or exclusion (first minus the others). */
export function CombinationInput({
  value,
  onChange,
  selfId,
}: {
  readonly value: CombinationDraft;
  readonly onChange: (combination: CombinationDraft) => void;
  readonly selfId?: string;
}) {
  const { t } = useTranslation();
  const audiences = useAudiences();
  return (
    <Flex vertical gap={8}>
      <Select<CombinationOperator>
        data-testid="combination-operator"
        style={{ maxWidth: 420 }}
        value={value.operator}
        onChange={(operator) => onChange({ ...value, operator })}
        options={OPERATORS.map((op) => ({ value: op, label: t(`audiences.combination.operators.${op}`) }))}
      />
      <Select<string[]>
        data-testid="combination-audiences"
        mode="multiple"
        placeholder={t('audiences.combination.placeholder')}
        value={[...value.audiences]}
        onChange={(ids) => onChange({ ...value, audiences: ids })}
        showSearch={{ optionFilterProp: 'label' }}
        options={(audiences.data?.items ?? [])
          .filter((a) => a.id !== selfId)
          .map((a) => ({ value: a.id, label: a.name }))}
      />
    </Flex>
  );
}
