import type { Profile, ProfileGraph } from '@cdp/protocol';
import { Card, Col, Row } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { nextPicked, type PathStep } from '../graphOption.ts';
import { type SplitOutcome, useExplain } from '../hooks/useProfiles.ts';
import { identifierKey } from '../identifiers.ts';
import type { SplitTarget } from '../split.ts';
import { EvidenceGraph } from './EvidenceGraph.tsx';
import { EvidenceLinksTable } from './EvidenceLinksTable.tsx';
import { ExplainPanel } from './ExplainPanel.tsx';
import { IdentifiersTable } from './IdentifiersTable.tsx';
import { SplitModal } from './SplitModal.tsx';

interface Props {
  readonly profile: Profile;
  readonly graph: ProfileGraph | undefined;
  readonly graphLoading: boolean;
  readonly sourceNames: ReadonlyMap<string, string>;
  readonly onSplit: (outcome: SplitOutcome) => void;
}

const NO_STEPS: readonly PathStep[] = [];

/** Identifiers, the evidence graph with "why are these linked", the evidence list, and splits. */
export function IdentityPanel({ profile, graph, graphLoading, sourceNames, onSplit }: Props) {
  const { t } = useTranslation();
  const [picks, setPicked] = useState<readonly string[]>([]);
  const [target, setTarget] = useState<SplitTarget | null>(null);

  const byKey = useMemo(() => new Map(profile.identifiers.map((i) => [identifierKey(i), i])), [profile]);
  // A split may take a picked identifier out of the profile: forget it.
  const picked = useMemo(() => picks.filter((k) => byKey.has(k)), [picks, byKey]);
  const explain = useExplain(profile.id, byKey.get(picked[0] ?? ''), byKey.get(picked[1] ?? ''));
  const path = useMemo(
    () =>
      explain.data?.linked
        ? explain.data.path.map((s) => ({
            evidenceId: s.evidenceId,
            from: identifierKey(s.from),
            to: identifierKey(s.to),
          }))
        : NO_STEPS,
    [explain.data],
  );
  const onPath = useMemo(() => new Set(path.map((s) => s.evidenceId)), [path]);
  const onPick = useCallback(
    (node: string) =>
      setPicked((prev) =>
        nextPicked(
          prev.filter((k) => byKey.has(k)),
          node,
        ),
      ),
    [byKey],
  );

  return (
    <>
      <Card title={t('profiles.identifiers.title')} size="small" style={{ marginBottom: 16 }}>
        <IdentifiersTable
          identifiers={profile.identifiers}
          onRetract={(identifier) => setTarget({ kind: 'identifier', identifier })}
        />
      </Card>
      <Card
        title={t('profiles.graph.title')}
        size="small"
        loading={graphLoading}
        style={{ marginBottom: 16 }}
      >
        <Row gutter={[24, 16]}>
          <Col xs={24} xl={14}>
            {graph ? <EvidenceGraph graph={graph} picked={picked} path={path} onPick={onPick} /> : null}
          </Col>
          <Col xs={24} xl={10}>
            <ExplainPanel
              identifiers={profile.identifiers}
              picked={picked}
              onPickedChange={setPicked}
              explanation={explain.data}
              loading={explain.isFetching}
              error={explain.error}
              sourceNames={sourceNames}
            />
          </Col>
        </Row>
      </Card>
      <Card title={t('profiles.evidence.title')} size="small" styles={{ body: { padding: 0 } }}>
        <EvidenceLinksTable
          links={graph?.links ?? []}
          sourceNames={sourceNames}
          onPath={onPath}
          onRetract={(link) => setTarget({ kind: 'evidence', evidenceId: link.evidenceId })}
        />
      </Card>
      <SplitModal
        profile={profile}
        target={target}
        sourceNames={sourceNames}
        onClose={() => setTarget(null)}
        onDone={onSplit}
      />
    </>
  );
}
