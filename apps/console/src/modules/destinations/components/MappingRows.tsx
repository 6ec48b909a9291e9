import { ArrowLeftOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MappingRow } from '../syncSpec.ts';

interface Props {
  readonly rows: readonly MappingRow[];
  readonly onChange: (rows: MappingRow[]) => void;
}

/** Field mapping rows: payload path ← event path, both dotted. */
export function MappingRows({ rows, onChange }: Props) {
  const { t } = useTranslation();
  const set = (index: number, row: MappingRow) => onChange(rows.map((r, i) => (i === index ? row : r)));
  return (
    <Flex vertical gap={8}>
      {rows.map((row, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their position
        <Flex key={index} gap={8} align="center" data-testid="mapping-row">
          <Input
            data-testid="mapping-to"
            style={{ flex: 1 }}
            placeholder={t('destinations.syncs.to')}
            value={row.to}
            onChange={(e) => set(index, { ...row, to: e.target.value })}
          />
          <ArrowLeftOutlined />
          <Input
            data-testid="mapping-from"
            style={{ flex: 1 }}
            placeholder={t('destinations.syncs.from')}
            value={row.from}
            onChange={(e) => set(index, { ...row, from: e.target.value })}
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
          data-testid="mapping-add"
          onClick={() => onChange([...rows, { to: '', from: '' }])}
        >
          {t('destinations.syncs.addMapping')}
        </Button>
      </div>
    </Flex>
  );
}
