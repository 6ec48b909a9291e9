import type { LinkExplanation, ProfileIdentifier } from '@cdp/protocol';
import { Alert, Button, Flex, Select, Spin, Steps, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { useIdentifierTypeLabel } from '../hooks/useIdentifierTypeLabel.ts';
import { byPriority, identifierKey } from '../identifiers.ts';
import { EvidenceLabel } from './EvidenceLabel.tsx';

const EVIDENCE_KINDS = ['event', 'identify', 'alias', 'import', 'manual', 'probabilistic'] as const;
const isEvidenceKind = (kind: string): kind is (typeof EVIDENCE_KINDS)[number] =>
  (EVIDENCE_KINDS as readonly string[]).includes(kind);

interface Props {
  readonly identifiers: readonly ProfileIdentifier[];
  readonly picked: readonly string[];
  readonly onPickedChange: (picked: string[]) => void;
  readonly explanation: LinkExplanation | undefined;
  readonly loading: boolean;
  readonly error: unknown;
  readonly sourceNames: ReadonlyMap<string, string>;
}

/** Two selects (mirroring the nodes clicked in the graph) and the path of evidence between them. */
export function ExplainPanel(props: Props) {
  const { t, i18n } = useTranslation();
  const typeLabel = useIdentifierTypeLabel();
  const [from, to] = props.picked;
  const options = byPriority(props.identifiers).map((i) => ({
    value: identifierKey(i),
    label: `${typeLabel(i.type)} ${i.value}`,
  }));
  const set = (index: 0 | 1, value: string | undefined): void => {
    const next: (string | undefined)[] = [from, to];
    next[index] = value;
    props.onPickedChange(next.filter((v): v is string => v !== undefined));
  };
  const refLabel = (r: { type: string; value: string }) => `${typeLabel(r.type)} ${r.value}`;
  const kindLabel = (kind: string) => (isEvidenceKind(kind) ? t(`profiles.evidence.kinds.${kind}`) : kind);
  const explanation = props.explanation;

  return (
    <>
      <Typography.Paragraph type="secondary">{t('profiles.graph.hint')}</Typography.Paragraph>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        {([0, 1] as const).map((index) => (
          <Select<string>
            key={index}
            data-testid={index === 0 ? 'explain-from' : 'explain-to'}
            style={{ width: 260 }}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t(index === 0 ? 'profiles.graph.from' : 'profiles.graph.to')}
            value={index === 0 ? from : to}
            onChange={(v) => set(index, v || undefined)}
            options={options}
          />
        ))}
        <Button onClick={() => props.onPickedChange([])} disabled={props.picked.length === 0}>
          {t('profiles.graph.reset')}
        </Button>
      </Flex>
      {props.error ? <ErrorAlert error={props.error} /> : null}
      {props.loading ? <Spin /> : null}
      {explanation && !explanation.linked ? (
        <Alert type="warning" showIcon title={t('profiles.graph.notLinked')} />
      ) : null}
      {explanation?.linked ? (
        <div data-testid="explain-path">
          <Typography.Title level={5}>{t('profiles.graph.explainTitle')}</Typography.Title>
          <Steps
            orientation="vertical"
            size="small"
            current={explanation.path.length}
            items={explanation.path.map((step) => ({
              title: t('profiles.graph.step', { from: refLabel(step.from), to: refLabel(step.to) }),
              content: (
                <Flex gap={8} wrap align="center">
                  <Tag>{kindLabel(step.kind)}</Tag>
                  <EvidenceLabel id={step.evidenceId} sourceNames={props.sourceNames} />
                  <Typography.Text type="secondary">{formatDateTime(step.at, i18n.language)}</Typography.Text>
                </Flex>
              ),
            }))}
          />
        </div>
      ) : null}
    </>
  );
}
