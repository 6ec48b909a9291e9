import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';

/** A copy of a list with item `i` swapped with its neighbour `i + by`. */
export function moveItem<T>(items: readonly T[], i: number, by: -1 | 1): T[] {
  const next = [...items];
  if (i + by < 0 || i + by >= next.length) return next;
  [next[i], next[i + by]] = [next[i + by], next[i]];
  return next;
}

/** Up, down and remove buttons of one item of an ordered list (rule values, lifecycle stages). */
export function OrderTools<T>({
  items,
  index,
  onChange,
}: {
  readonly items: readonly T[];
  readonly index: number;
  readonly onChange: (items: T[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <Flex gap={4}>
      <Button
        size="small"
        type="text"
        icon={<ArrowUpOutlined />}
        disabled={index === 0}
        aria-label={t('tags.moveUp')}
        onClick={() => onChange(moveItem(items, index, -1))}
      />
      <Button
        size="small"
        type="text"
        icon={<ArrowDownOutlined />}
        disabled={index === items.length - 1}
        aria-label={t('tags.moveDown')}
        onClick={() => onChange(moveItem(items, index, 1))}
      />
      <Button
        size="small"
        type="text"
        danger
        icon={<DeleteOutlined />}
        aria-label={t('tags.remove')}
        onClick={() => onChange(items.filter((_, j) => j !== index))}
      />
    </Flex>
  );
}
