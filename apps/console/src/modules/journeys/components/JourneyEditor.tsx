import type { Journey } from '@cdp/protocol';
import { applyEdgeChanges, applyNodeChanges, type EdgeChange, type NodeChange } from '@xyflow/react';
import { App, Card, Col, Flex, Row, Tabs } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useDescribeError } from '../../../ui/useDescribeError.ts';
import { bodyOf, draftOf, type JourneyDraft, snapshotOf } from '../draft.ts';
import { addStep, connect, removeBranch, removeStep, replaceStep } from '../edits.ts';
import { ENTRY_ID, fromGraph, isStepNode, type JourneyGraph, type JourneyNode } from '../graph.ts';
import { useJourneyNames } from '../hooks/useJourneyNames.ts';
import { useJourneyAction, useSaveJourney } from '../hooks/useJourneys.ts';
import type { StepKind } from '../steps.ts';
import { hasErrors, validate } from '../validate.ts';
import { EditorToolbar } from './EditorToolbar.tsx';
import { JourneyCanvas } from './JourneyCanvas.tsx';
import { JourneySettingsForm } from './JourneySettingsForm.tsx';
import { ProblemList } from './ProblemList.tsx';
import { StepPalette } from './StepPalette.tsx';
import { StepPanel } from './StepPanel.tsx';

type Tab = 'step' | 'settings';

const select = (graph: JourneyGraph, id: string): JourneyGraph => ({
  nodes: graph.nodes.map((n) => (n.selected === (n.id === id) ? n : { ...n, selected: n.id === id })),
  edges: graph.edges,
});

/** The journey canvas with its palette, the selected step's panel and the journey settings; saves and publishes. */
export function JourneyEditor({ journey }: { readonly journey?: Journey }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const describe = useDescribeError();
  const navigate = useNavigate();
  const names = useJourneyNames();
  const [draft, setDraft] = useState<JourneyDraft>(() => draftOf(journey));
  const [saved, setSaved] = useState(() => snapshotOf(draftOf(journey)));
  const [tab, setTab] = useState<Tab>('settings');
  const [nameMissing, setNameMissing] = useState(false);
  const save = useSaveJourney(journey?.id ?? null);
  const action = useJourneyAction();

  const { graph, settings } = draft;
  const definition = useMemo(() => fromGraph(graph, settings), [graph, settings]);
  const problems = useMemo(() => validate(definition), [definition]);
  const steps = useMemo(() => new Map(definition.steps.map((s) => [s.id, s])), [definition]);
  const selected = graph.nodes.find((n) => n.selected);
  const snapshot = snapshotOf(draft);
  const dirty = !journey || snapshot.meta !== saved.meta || snapshot.definition !== saved.definition;
  const faulty = useMemo(
    () => new Set(problems.filter((p) => p.level === 'error').map((p) => p.stepId ?? ENTRY_ID)),
    [problems],
  );

  const setGraph = useCallback(
    (edit: (graph: JourneyGraph) => JourneyGraph) => setDraft((d) => ({ ...d, graph: edit(d.graph) })),
    [],
  );
  const onNodesChange = useCallback(
    (changes: NodeChange<JourneyNode>[]) => {
      setGraph((g) => ({ nodes: applyNodeChanges(changes, g.nodes), edges: g.edges }));
      const picked = changes.find((c) => c.type === 'select' && c.selected);
      if (picked && 'id' in picked) setTab(picked.id === ENTRY_ID ? 'settings' : 'step');
    },
    [setGraph],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) =>
      setGraph((g) => ({ nodes: g.nodes, edges: applyEdgeChanges(changes, g.edges) })),
    [setGraph],
  );
  const pick = (id: string) => {
    setGraph((g) => select(g, id));
    setTab(id === ENTRY_ID ? 'settings' : 'step');
  };
  const add = (kind: StepKind) => {
    // with nothing selected, a new step follows the entry (when that is still free)
    const added = addStep(graph, kind, selected?.id ?? ENTRY_ID);
    setGraph(() => select(added.graph, added.id));
    setTab('step');
  };

  /** Saves when there is something to save; the journey as stored, or null when it cannot be saved. */
  const persist = async (): Promise<Journey | null> => {
    if (draft.meta.name.trim() === '') {
      setNameMissing(true);
      setTab('settings');
      return null;
    }
    if (hasErrors(problems)) {
      message.error(t('journeys.editor.fixErrors'));
      return null;
    }
    if (journey && !dirty) return journey;
    const body = bodyOf(draft);
    // a rename alone must not make a new draft: send the definition only when it changed
    const stored = await save.mutateAsync(
      journey && snapshot.definition === saved.definition ? { ...body, definition: undefined } : body,
    );
    setSaved(snapshot);
    return stored;
  };
  const onSave = async () => {
    try {
      const stored = await persist();
      if (!stored) return;
      message.success(t('journeys.done.saved'));
      if (!journey) navigate(`/journeys/${stored.id}/edit`, { replace: true });
    } catch (err) {
      message.error(describe(err));
    }
  };
  const onPublish = async () => {
    try {
      const stored = await persist();
      if (!stored) return;
      await action.mutateAsync({ id: stored.id, action: 'publish' });
      message.success(t('journeys.done.publish'));
      navigate(`/journeys/${stored.id}`);
    } catch (err) {
      message.error(describe(err));
    }
  };

  const step = selected && isStepNode(selected) ? selected.data.step : undefined;
  return (
    <Flex vertical gap={16}>
      <EditorToolbar
        journey={journey}
        dirty={dirty}
        saving={save.isPending}
        publishing={action.isPending}
        onSave={() => void onSave()}
        onPublish={() => void onPublish()}
        onCancel={() => navigate(journey ? `/journeys/${journey.id}` : '/journeys')}
      />
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card
            size="small"
            title={<StepPalette onAdd={add} />}
            styles={{ body: { padding: 0 } }}
            style={{ marginBottom: 16 }}
          >
            <JourneyCanvas
              graph={graph}
              info={{ entry: settings.entry, names, faulty }}
              onNodesChange={onNodesChange}
              onEdgesChange={onEdgesChange}
              onConnect={(c) => setGraph((g) => connect(g, c))}
            />
          </Card>
          <Card size="small" title={t('journeys.editor.problemsTitle')}>
            <ProblemList problems={problems} steps={steps} onPick={pick} />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card size="small">
            <Tabs
              activeKey={tab}
              onChange={(key) => setTab(key as Tab)}
              items={[
                {
                  key: 'step',
                  label: <span data-testid="journey-tab-step">{t('journeys.editor.stepTab')}</span>,
                  children: (
                    <StepPanel
                      step={step}
                      onChange={(next) => setGraph((g) => replaceStep(g, next))}
                      onRemove={(id) => setGraph((g) => removeStep(g, id))}
                      onRemoveBranch={(id, index) => setGraph((g) => removeBranch(g, id, index))}
                    />
                  ),
                },
                {
                  key: 'settings',
                  label: <span data-testid="journey-tab-settings">{t('journeys.editor.settingsTab')}</span>,
                  children: (
                    <JourneySettingsForm
                      meta={draft.meta}
                      nameMissing={nameMissing}
                      onMeta={(meta) => {
                        setNameMissing(false);
                        setDraft((d) => ({ ...d, meta }));
                      }}
                      settings={settings}
                      onSettings={(next) => setDraft((d) => ({ ...d, settings: next }))}
                    />
                  ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
