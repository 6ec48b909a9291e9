import type {
  EventFlag,
  EventPage,
  EventQuery,
  IngestionStats,
  IngestResponse,
  MessageProblem,
  MessageType,
  QuarantineItem,
  QuarantinePage,
  QuarantineQuery,
  RejectedItem,
  ReplayResult,
  StatsQuery,
  TimelinePage,
  TimelineQuery,
} from '@cdp/protocol';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { GroupCommitter, OverloadedError } from '../../platform/db/group-commit.ts';
import { isDataError } from '../../platform/db/pg-errors.ts';
import { newId } from '../../platform/ids.ts';
import type { SourceRef, SourcesService } from '../sources/index.ts';
import { toQuarantineItem, toStoredEvent } from './event-mapping.ts';
import {
  alreadyResolved,
  overloaded,
  quarantineNotFound,
  sourceDisabled,
  storageUnavailable,
  unauthorized,
} from './ingest.errors.ts';
import { ingestMetrics } from './ingest.metrics.ts';
import { type EventOwner, IngestRepository } from './ingest.repository.ts';
import type { IngestTables } from './ingest.tables.ts';
import { type Envelope, messageFingerprint, normalizeEvent, type TimeRules } from './normalize-event.ts';
import { sanitizeJson } from './sanitize-json.ts';
import { validateMessage } from './validate-message.ts';
import type { WriteItem, WriteResult } from './write-group.ts';

export interface IngestOptions {
  readonly dedupeWindowDays: number;
  readonly futureToleranceMs: number;
  readonly maxPending: number;
  readonly log: Logger;
  /** Called after each commit that stored events (the profile pipeline has work). */
  readonly onCommitted?: () => void;
}

interface Prepared {
  readonly item: WriteItem;
  readonly messageId: string | null;
  readonly problems: MessageProblem[] | null;
}

const MAX_GROUP = 2000;

export class IngestService {
  private readonly repo: IngestRepository;
  private readonly committer: GroupCommitter<WriteItem, WriteResult>;
  private readonly rules: TimeRules;

  constructor(
    db: Kysely<IngestTables>,
    private readonly sources: SourcesService,
    private readonly options: IngestOptions,
  ) {
    this.repo = new IngestRepository(db);
    this.rules = { futureToleranceMs: options.futureToleranceMs };
    this.committer = new GroupCommitter((items) => this.flush(items), {
      maxBatch: MAX_GROUP,
      maxPending: options.maxPending,
      concurrency: 2,
    });
  }

  private dedupeCutoff(): Date {
    return new Date(Date.now() - this.options.dedupeWindowDays * 86_400_000);
  }

  private async flush(items: readonly WriteItem[]): Promise<WriteResult[]> {
    const end = ingestMetrics.commitSeconds.startTimer();
    try {
      const results = await this.repo.writeGroup(items, this.dedupeCutoff());
      if (results.includes('stored')) this.options.onCommitted?.();
      return results;
    } finally {
      end();
      ingestMetrics.batchSize.observe(items.length);
    }
  }

  /** The source of a write key; 401 when unknown or disabled. */
  async authenticate(writeKey: string | null): Promise<SourceRef> {
    if (!writeKey) throw unauthorized('Missing write key (HTTP Basic user name or "writeKey" in the body)');
    const source = await this.sources.resolveWriteKey(writeKey);
    if (!source) throw unauthorized('Unknown write key');
    if (!source.enabled) throw sourceDisabled();
    return source;
  }

  private prepare(
    source: SourceRef,
    raw: unknown,
    pathType: MessageType | null,
    envelope: Envelope,
    flags: EventFlag[] = [],
  ): Prepared {
    const { value, changed, depth } = sanitizeJson(raw);
    const obj =
      value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
    const fingerprint = obj ? messageFingerprint(obj) : null;
    const bytes = fingerprint?.bytes ?? Buffer.byteLength(JSON.stringify(value) ?? '');
    const rawId = obj?.messageId;
    const validation = validateMessage(value, pathType, bytes, depth, envelope.identityInTraits);
    if (validation.ok && obj) {
      const messageId = validation.message.messageId ?? newId('msg');
      const extra: EventFlag[] = changed ? [...flags, 'sanitized'] : flags;
      const row = normalizeEvent(obj, validation.message, source, messageId, envelope, this.rules, extra);
      return { item: { kind: 'event', row, hash: fingerprint?.hash ?? '' }, messageId, problems: null };
    }
    const problems = validation.ok ? [] : validation.problems;
    const messageId = typeof rawId === 'string' && rawId.length <= 100 ? rawId : null;
    return {
      item: {
        kind: 'quarantine',
        row: {
          id: newId('qtn'),
          workspace_id: source.workspaceId,
          source_id: source.id,
          message_id: messageId,
          received_at: envelope.receivedAt.toISOString(),
          problems,
          payload: pathType && obj && obj.type === undefined ? { ...obj, type: pathType } : value,
        },
      },
      messageId,
      problems,
    };
  }

  /** Commits, and when the database refuses the data itself, quarantines the messages instead. */
  private async commit(prepared: Prepared[]): Promise<WriteResult[]> {
    try {
      return await this.committer.submit(prepared.map((p) => p.item));
    } catch (err) {
      if (err instanceof OverloadedError) throw overloaded();
      if (!isDataError(err)) {
        this.options.log.error({ err }, 'event store unavailable');
        throw storageUnavailable();
      }
      this.options.log.warn({ err }, 'storage rejected a request; quarantining its messages');
      const reason = `Storage rejected the message: ${(err as Error).message}`;
      const fallback: WriteItem[] = prepared.map((p) => ({
        kind: 'quarantine',
        row:
          p.item.kind === 'quarantine'
            ? p.item.row
            : {
                id: newId('qtn'),
                workspace_id: p.item.row.workspace_id,
                source_id: p.item.row.source_id,
                message_id: p.item.row.message_id,
                received_at: p.item.row.received_at,
                problems: [{ code: 'invalid_message', path: '', message: reason }],
                payload: null,
              },
      }));
      try {
        return await this.committer.submit(fallback);
      } catch {
        throw storageUnavailable();
      }
    }
  }

  /** Validates, dedupes and durably stores messages; resolves only after the commit. */
  async ingest(
    source: SourceRef,
    items: readonly unknown[],
    pathType: MessageType | null,
    envelope: Envelope,
  ): Promise<IngestResponse> {
    return (await this.ingestEach(source, items, pathType, envelope)).response;
  }

  /** `ingest`, with what happened to each message, in order (file imports report per row). */
  async ingestEach(
    source: SourceRef,
    items: readonly unknown[],
    pathType: MessageType | null,
    envelope: Envelope,
  ): Promise<{ results: WriteResult[]; response: IngestResponse }> {
    const prepared = items.map((raw) => this.prepare(source, raw, pathType, envelope));
    const results = await this.commit(prepared);
    const rejected: RejectedItem[] = [];
    let accepted = 0;
    let duplicates = 0;
    results.forEach((r, index) => {
      ingestMetrics.received.inc({ outcome: r });
      if (r === 'stored') accepted++;
      else if (r === 'duplicate' || r === 'conflict') {
        duplicates++;
        ingestMetrics.duplicates.inc();
        if (r === 'conflict') ingestMetrics.conflicts.inc();
      } else {
        const p = prepared[index];
        const item = p.item;
        rejected.push({
          index,
          messageId: p.messageId,
          quarantineId: item.kind === 'quarantine' ? item.row.id : null,
          problems: item.kind === 'quarantine' ? item.row.problems : [],
        });
      }
    });
    return { results, response: { success: rejected.length === 0, accepted, duplicates, rejected } };
  }

  async replay(workspaceId: string, id: string, edited: unknown): Promise<ReplayResult> {
    const row = await this.repo.getQuarantine(workspaceId, id);
    if (!row) throw quarantineNotFound(id);
    if (row.status !== 'pending') throw alreadyResolved(id, row.status);
    const source = await this.sources.get(workspaceId, row.source_id);
    const ref: SourceRef = { id: source.id, workspaceId, name: source.name, enabled: source.enabled };
    const envelope: Envelope = { receivedAt: row.received_at, requestIp: null, userAgent: null };
    const prepared = this.prepare(ref, edited === undefined ? row.payload : edited, null, envelope, [
      'replayed',
    ]);
    if (prepared.item.kind === 'quarantine') {
      return { outcome: 'still_invalid', problems: prepared.problems ?? [], item: toQuarantineItem(row) };
    }
    const [result] = await this.commit([prepared]);
    const resolved = await this.repo.resolveQuarantine(id, 'replayed', edited);
    return {
      outcome: result === 'stored' ? 'stored' : 'duplicate',
      problems: [],
      item: toQuarantineItem(resolved),
    };
  }

  async discard(workspaceId: string, id: string): Promise<QuarantineItem> {
    const row = await this.repo.getQuarantine(workspaceId, id);
    if (!row) throw quarantineNotFound(id);
    if (row.status !== 'pending') throw alreadyResolved(id, row.status);
    return toQuarantineItem(await this.repo.resolveQuarantine(id, 'discarded'));
  }

  async getQuarantine(workspaceId: string, id: string): Promise<QuarantineItem> {
    const row = await this.repo.getQuarantine(workspaceId, id);
    if (!row) throw quarantineNotFound(id);
    return toQuarantineItem(row);
  }

  async listEvents(workspaceId: string, query: EventQuery): Promise<EventPage> {
    const rows = await this.repo.listEvents(workspaceId, query);
    const items = rows.map(toStoredEvent);
    return { items, nextCursor: rows.length === query.limit ? items[items.length - 1].id : null };
  }

  async timeline(workspaceId: string, owner: EventOwner, query: TimelineQuery): Promise<TimelinePage> {
    const rows = await this.repo.timeline(workspaceId, owner, query);
    const items = rows.map(toStoredEvent);
    const last = rows[rows.length - 1];
    return {
      items,
      nextCursor: last && rows.length === query.limit ? `${last.timestamp.getTime()}.${last.id}` : null,
    };
  }

  async listQuarantine(workspaceId: string, query: QuarantineQuery): Promise<QuarantinePage> {
    const rows = await this.repo.listQuarantine(workspaceId, query);
    const items = rows.map(toQuarantineItem);
    return { items, nextCursor: rows.length === query.limit ? items[items.length - 1].id : null };
  }

  async quarantineAfter(
    workspaceId: string,
    afterId: string,
    sourceId: string | undefined,
  ): Promise<QuarantineItem[]> {
    return (await this.repo.quarantineAfter(workspaceId, afterId, sourceId, 200)).map(toQuarantineItem);
  }

  lastIds(workspaceId: string) {
    return this.repo.lastIds(workspaceId);
  }

  async stats(workspaceId: string, query: StatsQuery): Promise<IngestionStats> {
    const to = query.to ? new Date(query.to) : new Date();
    const span = { minute: 3_600_000, hour: 86_400_000, day: 7 * 86_400_000 }[query.bucket];
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - span);
    const rows = await this.repo.stats(workspaceId, query.bucket, from, to);
    const names = new Map((await this.sources.list(workspaceId)).map((s) => [s.id, s.name]));
    const series = new Map<string, IngestionStats['series'][number]>();
    const totals = { accepted: 0, quarantined: 0, duplicates: 0 };
    for (const r of rows) {
      let s = series.get(r.source_id);
      if (!s) {
        s = { sourceId: r.source_id, sourceName: names.get(r.source_id) ?? r.source_id, points: [] };
        series.set(r.source_id, s);
      }
      const point = {
        t: new Date(r.t).toISOString(),
        accepted: Number(r.accepted),
        quarantined: Number(r.quarantined),
        duplicates: Number(r.duplicates),
      };
      s.points.push(point);
      totals.accepted += point.accepted;
      totals.quarantined += point.quarantined;
      totals.duplicates += point.duplicates;
    }
    return {
      bucket: query.bucket,
      from: from.toISOString(),
      to: to.toISOString(),
      totals,
      series: [...series.values()],
    };
  }

  /** Forgets messageIds older than the dedupe window. Idempotent; run periodically by the worker role. */
  async purgeDedupe(): Promise<number> {
    let total = 0;
    for (
      let n = await this.repo.purgeDedupe(this.dedupeCutoff());
      n > 0;
      n = await this.repo.purgeDedupe(this.dedupeCutoff())
    ) {
      total += n;
    }
    return total;
  }

  get pending(): number {
    return this.committer.pending;
  }

  /** Waits until every accepted request is committed (graceful shutdown). */
  drain(): Promise<void> {
    return this.committer.drain();
  }
}
