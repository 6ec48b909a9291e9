import { Typography } from 'antd';
import { evidenceText } from '../evidence.ts';

interface Props {
  readonly id: string;
  readonly sourceNames: ReadonlyMap<string, string>;
}

/** Evidence named by its source ("门店 POS / o1"), the full id in the tooltip. */
export function EvidenceLabel({ id, sourceNames }: Props) {
  return (
    <Typography.Text title={id} style={{ wordBreak: 'break-all' }}>
      {evidenceText(id, sourceNames)}
    </Typography.Text>
  );
}
