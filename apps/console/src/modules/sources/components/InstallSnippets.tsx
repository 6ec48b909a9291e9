import { Tabs, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { buildSnippets } from '../snippets.ts';

interface Props {
  readonly writeKey: string;
  readonly origin: string;
}

function Code({ label, code }: { readonly label: string; readonly code: string }) {
  const { t } = useTranslation();
  return (
    <div style={{ marginBottom: 16 }}>
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        {label}{' '}
        <Typography.Text copyable={{ text: code, tooltips: [t('common.copy'), t('common.copied')] }} />
      </Typography.Paragraph>
      <pre
        style={{
          margin: 0,
          padding: 12,
          overflow: 'auto',
          fontSize: 12,
          lineHeight: 1.5,
          background: 'rgba(0, 0, 0, 0.04)',
          borderRadius: 6,
        }}
      >
        {code}
      </pre>
    </div>
  );
}

/** Install snippets (web, Node, HTTP/mini-program, RudderStack) with the real write key and origin. */
export function InstallSnippets({ writeKey, origin }: Props) {
  const { t } = useTranslation();
  const s = useMemo(() => buildSnippets({ writeKey, origin }), [writeKey, origin]);
  return (
    <>
      <Typography.Paragraph type="secondary">{t('snippets.intro', { origin })}</Typography.Paragraph>
      <Tabs
        items={[
          {
            key: 'web',
            label: t('snippets.tabs.web'),
            children: (
              <>
                <Code label={t('snippets.webNpm')} code={s.webNpm} />
                <Code label={t('snippets.webClassic')} code={s.webClassic} />
              </>
            ),
          },
          {
            key: 'node',
            label: t('snippets.tabs.node'),
            children: <Code label={t('snippets.node')} code={s.node} />,
          },
          {
            key: 'http',
            label: t('snippets.tabs.http'),
            children: (
              <>
                <Code label={t('snippets.curl')} code={s.curl} />
                <Code label={t('snippets.wx')} code={s.wx} />
              </>
            ),
          },
          {
            key: 'rudder',
            label: t('snippets.tabs.rudder'),
            children: (
              <>
                <Code label={t('snippets.rudderJs')} code={s.rudderJs} />
                <Code label={t('snippets.rudderNode')} code={s.rudderNode} />
              </>
            ),
          },
        ]}
      />
    </>
  );
}
