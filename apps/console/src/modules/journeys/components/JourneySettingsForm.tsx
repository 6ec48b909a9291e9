import type { JourneyGoal } from '@cdp/protocol';
import { Divider, Form, Input, InputNumber, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EventMatchFields } from '../../audiences/components/EventMatchFields.tsx';
import { RuleBuilder } from '../../audiences/components/RuleBuilder.tsx';
import { editableRoot, emptyGroup } from '../../audiences/tree.ts';
import type { JourneyMeta } from '../draft.ts';
import type { JourneySettings } from '../graph.ts';
import { EntryFields } from './EntryFields.tsx';

interface Props {
  readonly meta: JourneyMeta;
  readonly onMeta: (meta: JourneyMeta) => void;
  readonly nameMissing: boolean;
  readonly settings: JourneySettings;
  readonly onSettings: (settings: JourneySettings) => void;
}

const NEW_GOAL: JourneyGoal = {
  match: { event: 'Order Completed' },
  withinDays: 7,
  revenuePath: ['revenue'],
};

/** A property path typed with dots (`order.total`); the text is kept as typed while editing. */
function PathInput(props: { value: string[] | undefined; onChange: (path: string[] | undefined) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => (props.value ?? []).join('.'));
  return (
    <Input
      data-testid="journey-goal-revenue"
      placeholder={t('journeys.editor.revenuePlaceholder')}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const path = e.target.value
          .split('.')
          .map((k) => k.trim())
          .filter((k) => k !== '')
          .slice(0, 5);
        props.onChange(path.length > 0 ? path : undefined);
      }}
    />
  );
}

/** 旅程设置: name, priority, entry, exit condition, goal and holdout. */
export function JourneySettingsForm({ meta, onMeta, nameMissing, settings, onSettings }: Props) {
  const { t } = useTranslation();
  const patch = (next: Partial<JourneySettings>) => onSettings({ ...settings, ...next });
  const { goal, exitWhen } = settings;
  const setGoal = (next: JourneyGoal | undefined) => {
    const { goal: _, ...rest } = settings;
    onSettings(next ? { ...rest, goal: next } : rest);
  };
  return (
    <Form layout="vertical" data-testid="journey-settings">
      <Form.Item
        label={t('journeys.editor.name')}
        required
        validateStatus={nameMissing ? 'error' : undefined}
        help={nameMissing ? t('journeys.editor.nameRequired') : undefined}
      >
        <Input
          data-testid="journey-name"
          maxLength={200}
          placeholder={t('journeys.editor.namePlaceholder')}
          value={meta.name}
          onChange={(e) => onMeta({ ...meta, name: e.target.value })}
        />
      </Form.Item>
      <Form.Item label={t('journeys.editor.descriptionLabel')}>
        <Input.TextArea
          rows={2}
          maxLength={2000}
          value={meta.description}
          onChange={(e) => onMeta({ ...meta, description: e.target.value })}
        />
      </Form.Item>
      <Form.Item label={t('journeys.editor.priority')} extra={t('journeys.editor.priorityHelp')}>
        <InputNumber<number>
          data-testid="journey-priority"
          min={1}
          max={1000}
          precision={0}
          value={meta.priority}
          onChange={(v) => onMeta({ ...meta, priority: v ?? 100 })}
        />
      </Form.Item>
      <Divider />
      <Form.Item label={t('journeys.editor.entry')} required>
        <EntryFields entry={settings.entry} onChange={(entry) => patch({ entry })} />
      </Form.Item>
      <Form.Item label={t('journeys.editor.holdout')} extra={t('journeys.editor.holdoutHelp')}>
        <InputNumber<number>
          data-testid="journey-holdout"
          min={0}
          max={50}
          precision={0}
          suffix="%"
          value={settings.holdoutPercent}
          onChange={(v) => patch({ holdoutPercent: v ?? 0 })}
        />
      </Form.Item>
      <Divider />
      <Form.Item label={t('journeys.editor.exitWhen')} extra={t('journeys.editor.exitWhenHelp')}>
        <Switch
          data-testid="journey-exit-toggle"
          checked={exitWhen !== undefined}
          onChange={(on) => {
            const { exitWhen: _, ...rest } = settings;
            onSettings(on ? { ...rest, exitWhen: emptyGroup() } : rest);
          }}
        />
      </Form.Item>
      {exitWhen ? (
        <div style={{ marginBottom: 24 }} data-testid="journey-exit-condition">
          <RuleBuilder root={editableRoot(exitWhen)} onChange={(root) => patch({ exitWhen: root })} />
        </div>
      ) : null}
      <Divider />
      <Form.Item label={t('journeys.editor.goal')} extra={t('journeys.editor.goalHelp')}>
        <Switch
          data-testid="journey-goal-toggle"
          checked={goal !== undefined}
          onChange={(on) => setGoal(on ? NEW_GOAL : undefined)}
        />
      </Form.Item>
      {goal ? (
        <>
          <Form.Item label={t('journeys.editor.goalEvent')}>
            <EventMatchFields
              testId="journey-goal-event"
              match={goal.match}
              onChange={(match) => setGoal({ ...goal, match })}
            />
          </Form.Item>
          <Form.Item label={t('journeys.editor.withinDays')}>
            <InputNumber<number>
              data-testid="journey-goal-days"
              min={1}
              max={90}
              precision={0}
              value={goal.withinDays}
              onChange={(v) => setGoal({ ...goal, withinDays: v ?? 7 })}
            />
          </Form.Item>
          <Form.Item label={t('journeys.editor.revenuePath')}>
            <PathInput
              value={goal.revenuePath}
              onChange={(path) => {
                const { revenuePath: _, ...rest } = goal;
                setGoal(path ? { ...rest, revenuePath: path } : rest);
              }}
            />
          </Form.Item>
        </>
      ) : null}
    </Form>
  );
}
