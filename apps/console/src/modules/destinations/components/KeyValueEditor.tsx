import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Pair } from '../configValues.ts';

interface Props {
  readonly rows: readonly Pair[];
  readonly onChange: (rows: Pair[]) => void;
  /** values are credentials: typed blind */
  readonly secret?: boolean;
  readonly placeholder?: string;
  readonly testId: string;
}

/** A string → string record (headers, template parameters) as editable name / value rows. */
export function KeyValueEditor({ rows, onChange, secret = false, placeholder, testId }: Props) {
  const { t } = useTranslation();
  const set = (index: number, row: Pair) => onChange(rows.map((r, i) => (i === index ? row : r)));
  const ValueInput = secret ? Input.Password : Input;
  return (
    <Flex vertical gap={8} data-testid={testId}>
      {rows.map((row, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their position
        <Flex key={index} gap={8} align="center">
          <Input
            data-testid={`${testId}-key-${index}`}
            style={{ flex: 2 }}
            placeholder={t('destinations.editor.key')}
            value={row.key}
            onChange={(e) => set(index, { ...row, key: e.target.value })}
          />
          <ValueInput
            data-testid={`${testId}-value-${index}`}
            style={{ flex: 3 }}
            autoComplete="new-password"
            placeholder={t('destinations.editor.value')}
            value={row.value}
            onChange={(e) => set(index, { ...row, value: e.target.value })}
          />
          <Button
            type="text"
            icon={<DeleteOutlined />}
            aria-label={t('destinations.editor.removeItem')}
            onClick={() => onChange(rows.filter((_, i) => i !== index))}
          />
        </Flex>
      ))}
      <div>
        <Button
          size="small"
          type="dashed"
          icon={<PlusOutlined />}
          data-testid={`${testId}-add`}
          onClick={() => onChange([...rows, { key: '', value: '' }])}
        >
          {rows.length === 0 && placeholder ? placeholder : t('destinations.editor.addRow')}
        </Button>
      </div>
    </Flex>
  );
}
