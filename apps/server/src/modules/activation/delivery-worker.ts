import { setMaxListeners } from 'node:events';
import { type Kysely, sql } from 'kysely';
import type { Logger } from 'pino';
import { Counter, Histogram } from 'prom-client';
import type { Database } from '../../database.ts';
import { deadline } from '../../platform/abort.ts';
import { WorkLoop } from '../../platform/jobs/work-loop.ts';
import { type BulkOptions, bulkMessage } from './bulk-rows.ts';
import { type ConsentDefault, consentBlock } from './consent.ts';
import { type BackoffOptions, type BreakerOptions, retryDelayMs } from './delivery-policy.ts';
import type { DeliveryMessage, DestinationType } from './destination.ts';
import { GoneError, PermanentError, RetryableError, SkippedError } from './destination.ts';
import { type DestinationRecord, DestinationRuntime } from './destination-runtime.ts';
import { type DeliveryRow, type LoadedMessage, loadMessages } from './load-messages.ts';
import { createSafeFetch, type EgressPolicy, type SafeFetch } from './safe-fetch.ts';
import { renderTemplate } from './templates.ts';

/** A journey message's parameters are templates over the person: rendered when sent, with fresh traits. */
async function renderData(message: DeliveryMessage): Promise<DeliveryMessage> {
  const scope = { profile: message.profile, traits: message.profile?.traits ?? {}, data: message.data };
  const data: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(message.data))
    data[k] = typeof v === 'string' ? await renderTemplate(v, scope) : v;
  return { ...message, data };
}

const metrics = {
  outcomes: new Counter({
    name: 'cdp_deliveries_total',
    help: 'Delivery attempts by destination type and outcome',
    labelNames: ['type', 'outcome'],
  }),
  seconds: new Histogram({
    name: 'cdp_delivery_seconds',
    help: 'Time of one delivery attempt at the peer',
    labelNames: ['type'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15],
  }),
};

export interface DeliveryWorkerOptions {
  readonly types: ReadonlyMap<string, DestinationType<unknown>>;
  readonly egress: EgressPolicy;
  /** where file destinations write */
  readonly exportRoot: string;
  readonly consentDefault: ConsentDefault;
  readonly backoff: BackoffOptions;
  readonly breaker?: BreakerOptions;
  /** how long a claimed delivery is held before another worker may take it (ms) */
  readonly leaseMs?: number;
  /** longest single request (ms) */
  readonly requestTimeoutMs?: number;
  /** deliveries claimed per destination per step */
  readonly batch?: number;
  readonly pollMs?: number;
}

type Outcome = 'delivered' | 'pending' | 'dead' | 'skipped' | 'suppressed';

interface Result {
  id: string;
  attempt: number;
  status: Outcome;
  next: string | null;
  error: string | null;
  http: number | null;
  duration: number | null;
}

/** Kinds that stream many rows: held longer, sent one at a time. */
const BULK = new Set(['audience_snapshot', 'events_export']);
const DESTINATIONS_REFRESH_MS = 1_000;
const REAP_EVERY_MS = 5_000;

/**
 * Delivers the outbox. Each step claims due deliveries per destination — as many as the
 * destination's free concurrency, rate limit and circuit breaker allow — by leasing them
 * (`sending`, `lease_until`) in one short statement, then sends them outside any transaction, so a
 * slow or dead destination holds only its own slots and never a database connection. Outcomes are
 * written back in batches, guarded by the attempt number, so a delivery whose lease expired and was
 * taken by another worker is not overwritten (the ledger records one success). Leases left by a
 * crashed process are reclaimed; the peer sees the same idempotency key again.
 */
export class DeliveryWorker {
  private readonly work: WorkLoop;
  private readonly fetch: SafeFetch;
  private readonly runtimes = new Map<string, DestinationRuntime>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly stopping = new AbortController();
  private results: Result[] = [];
  private flushing: Promise<void> = Promise.resolve();
  private flushTimer: NodeJS.Timeout | null = null;
  private refreshedAt = 0;
  private reapedAt = 0;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly log: Logger,
    private readonly options: DeliveryWorkerOptions,
    private readonly bulk: BulkOptions = {},
  ) {
    // every delivery in flight listens to the stop signal
    setMaxListeners(0, this.stopping.signal);
    this.fetch = createSafeFetch({ policy: options.egress, timeoutMs: options.requestTimeoutMs ?? 15_000 });
    this.work = new WorkLoop(() => this.step(), {
      name: 'delivery worker',
      pollMs: options.pollMs ?? 250,
      log,
    });
  }

  /** Work was queued (or a destination changed). */
  notify(): void {
    this.refreshedAt = 0;
    this.work.notify();
  }

  start(): void {
    this.work.start();
  }

  async stop(): Promise<void> {
    await this.work.stop();
    for (const runtime of this.runtimes.values()) await this.release(runtime);
    this.stopping.abort();
    await Promise.allSettled([...this.inFlight]);
    await this.flush();
    await Promise.all([...this.runtimes.values()].map((r) => r.close()));
    this.runtimes.clear();
    await this.fetch.close();
  }

  /** Everything due now delivered or rescheduled (tests, CLI). */
  async drain(timeoutMs = 30_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    this.refreshedAt = 0;
    while (Date.now() < until) {
      const claimed = await this.step();
      if (!claimed && this.inFlight.size === 0) {
        await this.flush();
        const { rows } = await sql<{ n: number }>`
          select count(*)::int as n from deliveries
           where (status = 'pending' and next_attempt_at <= now()) or status = 'sending'`.execute(this.db);
        if (rows[0].n === 0) return;
        this.refreshedAt = 0;
      }
      if (!claimed) await Promise.race([...this.inFlight, new Promise((r) => setTimeout(r, 20))]);
    }
    throw new Error('deliveries still due after drain timeout');
  }

  /** Circuit state of a destination in this process. */
  circuit(destinationId: string): 'closed' | 'open' | 'half_open' {
    return this.runtimes.get(destinationId)?.breaker.state(Date.now()) ?? 'closed';
  }

  /** One pass: refresh destinations, reclaim expired leases, claim and start deliveries. */
  async step(): Promise<boolean> {
    const now = Date.now();
    if (now - this.refreshedAt > DESTINATIONS_REFRESH_MS) await this.refreshDestinations();
    if (now - this.reapedAt > REAP_EVERY_MS) await this.reapLeases();
    let claimed = false;
    for (const runtime of this.runtimes.values()) {
      if (!runtime.record.enabled) continue;
      await this.dispatch(runtime);
      const { concurrency } = runtime.record;
      const held = runtime.inFlight + runtime.backlog.length;
      // only what may start now is claimed (a claimed row waiting in memory would hold its lease
      // while the circuit is open); small claims wait until a quarter of the slots is free
      const room = Math.min(
        concurrency - held,
        this.options.batch ?? 200,
        runtime.breaker.allowance(now),
        runtime.bucket ? runtime.bucket.available(now) : Number.POSITIVE_INFINITY,
      );
      if (room <= 0 || (held > 0 && room < Math.ceil(concurrency / 4))) continue;
      const rows = await this.claim(runtime.record.id, room);
      if (rows.length === 0) continue;
      claimed = true;
      runtime.bucket?.take(rows.length);
      const messages = await loadMessages(
        this.db,
        rows.filter((r) => !BULK.has(r.kind)),
      );
      for (const row of rows) runtime.backlog.push({ row, loaded: messages.get(row.id) });
      await this.dispatch(runtime);
    }
    return claimed;
  }

  /**
   * Starts deliveries from the destination's backlog while it has free slots and its circuit lets
   * them through; when the circuit opens, the backlog goes back to the queue (its leases would
   * otherwise run out while it waits).
   */
  private async dispatch(runtime: DestinationRuntime): Promise<void> {
    while (runtime.backlog.length > 0 && runtime.inFlight < runtime.record.concurrency) {
      const now = Date.now();
      if (runtime.breaker.allowance(now) <= 0) {
        if (runtime.inFlight === 0 || runtime.breaker.state(now) === 'open') await this.release(runtime);
        return;
      }
      const next = runtime.backlog.shift();
      if (!next) return;
      runtime.breaker.started(now);
      runtime.inFlight++;
      const task = this.deliver(runtime, next.row, next.loaded).finally(() => {
        runtime.inFlight--;
        this.inFlight.delete(task);
        void this.dispatch(runtime).catch((err: unknown) => this.log.error({ err }, 'dispatch failed'));
        this.work.notify();
      });
      this.inFlight.add(task);
    }
  }

  /** Puts claimed but unstarted deliveries back in the queue, as if never claimed. */
  private async release(runtime: DestinationRuntime): Promise<void> {
    const rows = runtime.backlog.splice(0);
    if (rows.length === 0) return;
    const batch = rows.map(({ row }) => ({ id: row.id, attempt: row.attempts }));
    await sql`
      update deliveries d set status = 'pending', attempts = d.attempts - 1, lease_until = null
        from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as r(id bigint, attempt int)
       where d.id = r.id and d.status = 'sending' and d.attempts = r.attempt`.execute(this.db);
  }

  private async refreshDestinations(): Promise<void> {
    this.refreshedAt = Date.now();
    const rows = await this.db
      .selectFrom('destinations')
      .select([
        'workspace_id',
        'id',
        'name',
        'type',
        'config',
        'secrets',
        'purposes',
        'enabled',
        'concurrency',
        'rate_per_second',
        'retry_hours',
        'version',
      ])
      .execute();
    const seen = new Set<string>();
    for (const row of rows as DestinationRecord[]) {
      seen.add(row.id);
      const held = this.runtimes.get(row.id);
      // every change of a destination (enabling included) bumps its version
      if (held && held.record.version === row.version) continue;
      const type = this.options.types.get(row.type);
      if (!type) continue;
      if (held) void this.retire(held);
      this.runtimes.set(
        row.id,
        new DestinationRuntime(row, type, {
          fetch: this.fetch,
          log: this.log,
          exportRoot: this.options.exportRoot,
          breaker: this.options.breaker,
        }),
      );
    }
    for (const [id, runtime] of this.runtimes)
      if (!seen.has(id)) {
        this.runtimes.delete(id);
        void this.retire(runtime);
      }
  }

  /** Closes a replaced runtime's connections once its deliveries in flight are done. */
  private async retire(runtime: DestinationRuntime): Promise<void> {
    while (runtime.inFlight > 0) await new Promise((r) => setTimeout(r, 50));
    await runtime.close();
  }

  private async reapLeases(): Promise<void> {
    this.reapedAt = Date.now();
    await sql`
      update deliveries set status = 'pending', lease_until = null
       where status = 'sending' and lease_until < now()`.execute(this.db);
  }

  private async claim(destinationId: string, limit: number): Promise<DeliveryRow[]> {
    const leaseSeconds = (this.options.leaseMs ?? 60_000) / 1000;
    const { rows } = await sql<DeliveryRow>`
      update deliveries d
         set status = 'sending', attempts = d.attempts + 1,
             lease_until = now() + make_interval(secs => case when d.kind in ('audience_snapshot', 'events_export')
                                                              then ${leaseSeconds * 60}::float8 else ${leaseSeconds}::float8 end)
       where d.id = any(array(
         select id from deliveries
          where destination_id = ${destinationId} and status = 'pending' and next_attempt_at <= now()
          order by next_attempt_at, id
          limit ${limit}
          for update skip locked))
      returning d.id, d.workspace_id, d.destination_id, d.sync_id, d.message_id, d.kind, d.event_id, d.profile_id,
                d.audience_id, d.change, d.at, d.payload, d.attempts, d.retry_since, d.created_at`.execute(
      this.db,
    );
    return rows.map((r) => ({
      ...r,
      id: String(r.id),
      event_id: r.event_id === null ? null : String(r.event_id),
    }));
  }

  private async deliver(
    runtime: DestinationRuntime,
    row: DeliveryRow,
    loaded: LoadedMessage | undefined,
  ): Promise<void> {
    const started = Date.now();
    const typeName = runtime.type.type;
    const finish = (status: Outcome, fields: Partial<Result> = {}, peerFailed = false) => {
      // the breaker hears every outcome (a probe that ends any way frees the half-open slot)
      if (peerFailed) runtime.breaker.failed(Date.now());
      else runtime.breaker.succeeded();
      metrics.outcomes.inc({ type: typeName, outcome: status === 'pending' ? 'retry' : status });
      this.record({
        id: row.id,
        attempt: row.attempts,
        status,
        next: null,
        error: null,
        http: null,
        duration: Date.now() - started,
        ...fields,
      });
    };
    try {
      if (runtime.broken) throw new PermanentError(runtime.broken);
      if (!runtime.type.accepts.includes(row.kind))
        throw new PermanentError(`a ${typeName} destination does not take ${row.kind} deliveries`);
      const message = BULK.has(row.kind)
        ? await bulkMessage(this.db, row, this.bulk, (consent) =>
            consentBlock(consent, runtime.record.purposes, this.options.consentDefault),
          )
        : loaded?.message;
      if (!message) throw new SkippedError('the event or profile no longer exists');
      if (loaded) {
        const blocked = consentBlock(loaded.consent, runtime.record.purposes, this.options.consentDefault);
        if (blocked) return finish('suppressed', { error: blocked, duration: null });
      }
      const limit = deadline(
        BULK.has(row.kind) ? (this.options.leaseMs ?? 60_000) * 50 : (this.options.leaseMs ?? 60_000) - 5_000,
        this.stopping.signal,
      );
      const end = metrics.seconds.startTimer({ type: typeName });
      try {
        await runtime.type.send(
          message.kind === 'message' ? await renderData(message) : message,
          runtime.context(limit.signal),
        );
      } finally {
        limit.done();
      }
      end();
      finish('delivered');
    } catch (err) {
      this.failed(runtime, row, err, finish);
    }
  }

  private failed(
    runtime: DestinationRuntime,
    row: DeliveryRow,
    err: unknown,
    finish: (status: Outcome, fields?: Partial<Result>, peerFailed?: boolean) => void,
  ): void {
    const message = (err instanceof Error ? err.message : String(err)).slice(0, 2000);
    const status = (err as { details?: { status?: number } }).details?.status ?? null;
    if (err instanceof SkippedError) finish('skipped', { error: message });
    else if (err instanceof GoneError) {
      // the target is gone: stop sending to it at once (also in this process, before the stored
      // change is read back), keep this delivery (and the rest) queued for later
      runtime.record.enabled = false;
      void this.disable(runtime.record, message);
      finish('pending', { error: message, http: status, next: new Date().toISOString() });
    } else if (err instanceof PermanentError) finish('dead', { error: message, http: status });
    else {
      // a retryable error, or an unexpected one (a bug, a network error the destination did not map)
      const retryAfter = err instanceof RetryableError ? err.details.retryAfterMs : undefined;
      const delay = retryDelayMs(row.attempts, this.options.backoff, retryAfter);
      const giveUpAt = new Date(row.retry_since).getTime() + runtime.record.retry_hours * 3_600_000;
      if (Date.now() + delay > giveUpAt)
        finish('dead', { error: `gave up after ${row.attempts} attempts: ${message}`, http: status }, true);
      else {
        if (!(err instanceof RetryableError))
          this.log.warn({ err, delivery: row.id }, 'delivery failed unexpectedly');
        finish(
          'pending',
          { error: message, http: status, next: new Date(Date.now() + delay).toISOString() },
          true,
        );
      }
    }
  }

  private async disable(record: DestinationRecord, reason: string): Promise<void> {
    this.log.warn({ destination: record.id, reason }, 'destination disabled: the peer says it is gone');
    await sql`
      update destinations set enabled = false, disabled_reason = ${reason}, version = version + 1, updated_at = now()
       where workspace_id = ${record.workspace_id} and id = ${record.id} and enabled`.execute(this.db);
    this.refreshedAt = 0;
  }

  private record(result: Result): void {
    this.results.push(result);
    if (this.results.length >= 200) void this.flush();
    else this.flushTimer ??= setTimeout(() => void this.flush(), 5);
  }

  /** Writes outcomes in one statement; a batch that fails is retried on the next flush. */
  flush(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    this.flushing = this.flushing.then(async () => {
      const batch = this.results;
      if (batch.length === 0) return;
      this.results = [];
      try {
        await sql`
          update deliveries d
             set status = r.status, lease_until = null,
                 next_attempt_at = coalesce(r.next, d.next_attempt_at),
                 last_error = r.error, last_status = r.http, duration_ms = r.duration,
                 finished_at = case when r.status = 'pending' then null else now() end
            from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb)
                 as r(id bigint, attempt int, status text, next timestamptz, error text, http int, duration int)
           where d.id = r.id and d.status = 'sending' and d.attempts = r.attempt`.execute(this.db);
      } catch (err) {
        this.log.error({ err }, 'writing delivery outcomes failed; retrying');
        this.results.push(...batch);
        this.flushTimer ??= setTimeout(() => void this.flush(), 1_000);
      }
    });
    return this.flushing;
  }
}
