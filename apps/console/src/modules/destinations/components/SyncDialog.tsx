import type { DestinationTypeInfo } from '@cdp/protocol';
import { App, Form, Input, Modal, Segmented, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { useAudiences } from '../../audiences/hooks/useAudiences.ts';
import { type FieldError, itemProblem, problemOf, SYNC_FIELDS } from '../fieldErrors.ts';
import { useCreateSync } from '../hooks/useSyncs.ts';
import {
  type AudienceMode,
  audienceModes,
  type EventsMode,
  eventsModes,
  isScheduled,
  newSyncForm,
  type SyncForm,
  type SyncKind,
  syncBody,
} from '../syncSpec.ts';
import { EventSyncFields } from './EventSyncFields.tsx';
import { ScheduleInput } from './ScheduleInput.tsx';

/** The dialog's inputs that show a server error next to them; any other error goes below. */
const PINNED = [
  'name',
  'schedule',
  'spec.audienceId',
  'spec.filter.sources',
  'spec.filter.events',
  'spec.mapping',
];
const isPinned = (problem: FieldError | null) =>
  problem !== null &&
  (problem.field === 'spec' || PINNED.some((k) => problem.field === k || problem.field.startsWith(`${k}.`)));

interface Props {
  readonly destinationId: string;
  readonly accepts: DestinationTypeInfo['accepts'];
  readonly onClose: () => void;
}

/** Creates a sync: events (real time or scheduled export) or an audience (real time or snapshots). */
export function SyncDialog({ destinationId, accepts, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form, setForm] = useState<SyncForm>(() => newSyncForm(accepts));
  const [nameMissing, setNameMissing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const audiences = useAudiences();
  const create = useCreateSync();
  const problem = problemOf(error, SYNC_FIELDS);
  const patch = (next: Partial<SyncForm>) => setForm((f) => ({ ...f, ...next }));
  const modes = form.kind === 'events' ? eventsModes(accepts) : audienceModes(accepts);

  const onSave = () => {
    if (form.name.trim() === '') return setNameMissing(true);
    create.mutate(syncBody(form, destinationId), {
      onSuccess: () => {
        message.success(t('destinations.syncs.saved'));
        onClose();
      },
      onError: setError,
    });
  };

  return (
    <Modal
      open
      width={760}
      title={t('destinations.syncs.createTitle')}
      onCancel={onClose}
      onOk={onSave}
      okText={t('destinations.syncs.save')}
      okButtonProps={{ loading: create.isPending, 'data-testid': 'sync-save' }}
      destroyOnHidden
    >
      <Form layout="vertical" component="div" data-testid="sync-dialog">
        <Form.Item
          label={t('destinations.syncs.name')}
          required
          {...(nameMissing
            ? { validateStatus: 'error' as const, help: t('destinations.syncs.nameRequired') }
            : itemProblem(problem, 'name'))}
        >
          <Input
            data-testid="sync-name"
            maxLength={200}
            placeholder={t('destinations.syncs.namePlaceholder')}
            value={form.name}
            onChange={(e) => {
              setNameMissing(false);
              patch({ name: e.target.value });
            }}
          />
        </Form.Item>
        <Form.Item label={t('destinations.syncs.kind')} {...itemProblem(problem, 'spec', true)}>
          <Segmented<SyncKind>
            data-testid="sync-kind"
            value={form.kind}
            onChange={(kind) => patch({ kind })}
            options={(['events', 'audience'] as const).map((k) => ({
              value: k,
              disabled: (k === 'events' ? eventsModes(accepts) : audienceModes(accepts)).length === 0,
              label: <span data-testid={`sync-kind-${k}`}>{t(`destinations.syncs.kinds.${k}`)}</span>,
            }))}
          />
        </Form.Item>
        <Form.Item
          label={t('destinations.syncs.mode')}
          help={modes.length === 0 ? t('destinations.syncs.unsupported') : undefined}
        >
          <Segmented<EventsMode | AudienceMode>
            data-testid="sync-mode"
            value={form.kind === 'events' ? form.eventsMode : form.audienceMode}
            onChange={(mode) =>
              patch(
                form.kind === 'events'
                  ? { eventsMode: mode as EventsMode }
                  : { audienceMode: mode as AudienceMode },
              )
            }
            options={modes.map((m) => ({
              value: m,
              label: <span data-testid={`sync-mode-${m}`}>{t(`destinations.syncs.modes.${m}`)}</span>,
            }))}
          />
        </Form.Item>
        {form.kind === 'events' ? (
          <EventSyncFields form={form} onChange={patch} problem={problem} />
        ) : (
          <Form.Item
            label={t('destinations.syncs.audience')}
            required
            {...itemProblem(problem, 'spec.audienceId')}
          >
            <Select<string>
              data-testid="sync-audience"
              placeholder={t('destinations.syncs.audiencePlaceholder')}
              value={form.audienceId ?? undefined}
              onChange={(audienceId) => patch({ audienceId })}
              showSearch={{ optionFilterProp: 'label' }}
              options={(audiences.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))}
            />
          </Form.Item>
        )}
        {isScheduled(form) ? (
          <Form.Item
            label={t('destinations.syncs.schedule')}
            required
            extra={t('destinations.syncs.scheduleHint')}
            {...itemProblem(problem, 'schedule')}
          >
            <ScheduleInput value={form.schedule} onChange={(schedule) => patch({ schedule })} />
          </Form.Item>
        ) : null}
        {error !== null && !isPinned(problem) ? <ErrorAlert error={error} /> : null}
      </Form>
    </Modal>
  );
}
