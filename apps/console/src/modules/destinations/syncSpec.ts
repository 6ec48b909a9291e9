import type { CreateSyncInput, DestinationTypeInfo, EventMatch, Sync } from '@cdp/protocol';

type DeliveryKind = DestinationTypeInfo['accepts'][number];
export type SyncKind = Sync['spec']['kind'];
export type EventsMode = Extract<Sync['spec'], { kind: 'events' }>['mode'];
export type AudienceMode = Extract<Sync['spec'], { kind: 'audience' }>['mode'];

/** One field mapping row as typed: dotted paths, `to` in the payload ← `from` in the event. */
export interface MappingRow {
  readonly to: string;
  readonly from: string;
}

/** What the sync dialog edits: both kinds' fields at once, so switching kinds loses nothing. */
export interface SyncForm {
  readonly name: string;
  readonly kind: SyncKind;
  readonly eventsMode: EventsMode;
  readonly sources: readonly string[];
  readonly events: readonly EventMatch[];
  readonly mapping: readonly MappingRow[];
  readonly audienceId: string | null;
  readonly audienceMode: AudienceMode;
  readonly schedule: string;
}

/** Which delivery kind each mode produces: a destination offers only the modes it accepts. */
const EVENTS_MODES: Record<EventsMode, DeliveryKind> = { realtime: 'event', export: 'events_export' };
const AUDIENCE_MODES: Record<AudienceMode, DeliveryKind> = {
  realtime: 'audience_change',
  full: 'audience_snapshot',
  incremental: 'audience_snapshot',
};
const modes = <M extends string>(table: Record<M, DeliveryKind>, accepts: readonly DeliveryKind[]) =>
  (Object.keys(table) as M[]).filter((m) => accepts.includes(table[m]));
export const eventsModes = (accepts: readonly DeliveryKind[]) => modes(EVENTS_MODES, accepts);
export const audienceModes = (accepts: readonly DeliveryKind[]) => modes(AUDIENCE_MODES, accepts);

/** Cron presets in the workspace's time zone (each has a label in i18n `destinations.syncs.presets`). */
export const CRON_PRESETS = {
  hourly: '0 * * * *',
  daily: '0 3 * * *',
  weekly: '0 9 * * 1',
} as const;
export type CronPreset = keyof typeof CRON_PRESETS;

export function newSyncForm(accepts: readonly DeliveryKind[]): SyncForm {
  const events = eventsModes(accepts);
  const audience = audienceModes(accepts);
  return {
    name: '',
    kind: events.length === 0 && audience.length > 0 ? 'audience' : 'events',
    eventsMode: events[0] ?? 'realtime',
    sources: [],
    events: [{}],
    mapping: [],
    audienceId: null,
    audienceMode: audience[0] ?? 'realtime',
    schedule: CRON_PRESETS.daily,
  };
}

/** Whether the sync runs on a schedule (and so needs a cron expression). */
export const isScheduled = (form: Pick<SyncForm, 'kind' | 'eventsMode' | 'audienceMode'>): boolean =>
  form.kind === 'events' ? form.eventsMode === 'export' : form.audienceMode !== 'realtime';

/** `context.page.url` → ['context', 'page', 'url']; blanks around and between dots are dropped. */
export function parsePath(text: string): string[] {
  return text
    .split('.')
    .map((k) => k.trim())
    .filter((k) => k !== '');
}

export const pathText = (path: readonly string[]): string => path.join('.');

/** A match that names nothing matches every event, as an empty list does: it is left out. */
const isBlank = (m: EventMatch) => !m.event && !m.type && (m.where ?? []).length === 0;

export function syncBody(form: SyncForm, destinationId: string): CreateSyncInput {
  const schedule = isScheduled(form) ? { schedule: form.schedule.trim() } : {};
  if (form.kind === 'audience')
    return {
      name: form.name.trim(),
      destinationId,
      spec: { kind: 'audience', audienceId: form.audienceId ?? '', mode: form.audienceMode },
      ...schedule,
    };
  return {
    name: form.name.trim(),
    destinationId,
    spec: {
      kind: 'events',
      mode: form.eventsMode,
      filter: { sources: [...form.sources], events: form.events.filter((m) => !isBlank(m)) },
      // half-typed rows are sent, so the server's objection points at them
      mapping: form.mapping
        .filter((r) => r.to.trim() !== '' || r.from.trim() !== '')
        .map((r) => ({ to: parsePath(r.to), from: parsePath(r.from) })),
    },
    ...schedule,
  };
}
