import type { JourneyStep, WaitFor } from '@cdp/protocol';
import { Form, Input, Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { EventMatchFields } from '../../audiences/components/EventMatchFields.tsx';
import { DurationInput } from './DurationInput.tsx';

type WaitStep = Extract<JourneyStep, { kind: 'wait' }>;
const TYPES: readonly WaitFor['type'][] = ['duration', 'time_of_day', 'event'];

/** A wait keeps what it had when switching type only where the new type has the same field. */
function switchType(wait: WaitFor, type: WaitFor['type']): WaitFor {
  switch (type) {
    case 'duration':
      return { type, minutes: wait.type === 'event' ? wait.timeoutMinutes : 60 };
    case 'time_of_day':
      return { type, time: '09:00' };
    case 'event':
      return {
        type,
        match: {},
        timeoutMinutes: wait.type === 'duration' ? wait.minutes : 1440,
        timeoutNext: null,
      };
  }
}

/** 等待: a duration, until a time of day, or until an event (with a timeout branch). */
export function WaitStepForm({ step, onChange }: { step: WaitStep; onChange: (step: WaitStep) => void }) {
  const { t } = useTranslation();
  const wait = step.wait;
  const set = (next: WaitFor) => onChange({ ...step, wait: next });
  return (
    <Form layout="vertical">
      <Form.Item label={t('journeys.wait.type')}>
        <Segmented<WaitFor['type']>
          data-testid="wait-type"
          value={wait.type}
          onChange={(type) => set(switchType(wait, type))}
          options={TYPES.map((v) => ({ value: v, label: t(`journeys.wait.types.${v}`) }))}
        />
      </Form.Item>
      {wait.type === 'duration' ? (
        <Form.Item label={t('journeys.wait.amount')}>
          <DurationInput
            key={step.id}
            testId="wait-minutes"
            minutes={wait.minutes}
            onChange={(minutes) => set({ ...wait, minutes })}
          />
        </Form.Item>
      ) : null}
      {wait.type === 'time_of_day' ? (
        <Form.Item
          label={t('journeys.wait.time')}
          validateStatus={/^([01]\d|2[0-3]):[0-5]\d$/.test(wait.time) ? undefined : 'error'}
        >
          <Input
            data-testid="wait-time"
            style={{ width: 120 }}
            placeholder="09:00"
            value={wait.time}
            maxLength={5}
            onChange={(e) => set({ ...wait, time: e.target.value.trim() })}
          />
        </Form.Item>
      ) : null}
      {wait.type === 'event' ? (
        <>
          <Form.Item label={t('journeys.wait.event')}>
            <EventMatchFields
              testId="wait-event"
              match={wait.match}
              onChange={(match) => set({ ...wait, match })}
            />
          </Form.Item>
          <Form.Item label={t('journeys.wait.timeout')} extra={t('journeys.wait.timeoutHelp')}>
            <DurationInput
              key={`${step.id}-timeout`}
              testId="wait-timeout"
              minutes={wait.timeoutMinutes}
              onChange={(timeoutMinutes) => set({ ...wait, timeoutMinutes })}
            />
          </Form.Item>
        </>
      ) : null}
    </Form>
  );
}
