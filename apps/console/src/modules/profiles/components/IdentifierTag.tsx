import { Tag } from 'antd';
import { useIdentifierTypeLabel } from '../hooks/useIdentifierTypeLabel.ts';
import { type IdentifierRef, identifierColor } from '../identifiers.ts';

interface Props {
  readonly identifier: IdentifierRef;
  /** Show only the type (for type columns). */
  readonly typeOnly?: boolean;
}

/** An identifier as a tag coloured by its type: "手机号 +8613800138000". */
export function IdentifierTag({ identifier, typeOnly = false }: Props) {
  const typeLabel = useIdentifierTypeLabel();
  const label = typeLabel(identifier.type);
  return (
    <Tag
      color={identifierColor(identifier.type)}
      title={`${identifier.type}:${identifier.value}`}
      data-testid="identifier-tag"
      style={{ marginInlineEnd: 4, marginBottom: 2 }}
    >
      {typeOnly ? label : `${label} ${identifier.value}`}
    </Tag>
  );
}
