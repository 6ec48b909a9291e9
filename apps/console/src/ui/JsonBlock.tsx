import { Typography } from 'antd';
import { useMemo } from 'react';
import { prettyJson } from './json.ts';

interface Props {
  readonly value: unknown;
  readonly maxHeight?: number;
}

/** Pretty-printed JSON rendered as plain text (never as HTML), with a copy button. */
export function JsonBlock({ value, maxHeight = 560 }: Props) {
  const text = useMemo(() => prettyJson(value), [value]);
  return (
    <div style={{ position: 'relative' }}>
      <Typography.Text copyable={{ text }} style={{ position: 'absolute', top: 8, right: 12 }} />
      <pre
        style={{
          margin: 0,
          padding: 12,
          maxHeight,
          overflow: 'auto',
          fontSize: 12,
          lineHeight: 1.5,
          background: 'rgba(0, 0, 0, 0.03)',
          border: '1px solid rgba(5, 5, 5, 0.06)',
          borderRadius: 6,
          whiteSpace: 'pre-wrap',
          wordBreak: 'break-all',
        }}
      >
        {text}
      </pre>
    </div>
  );
}
