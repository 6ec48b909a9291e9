import type {
  CreateDestinationBody,
  DeliveriesQuery,
  Delivery,
  DeliveryPage,
  Destination,
  DestinationMetrics,
  DestinationTypeInfo,
  Purpose,
  ReplayDeliveriesBody,
  UpdateDestinationBody,
} from '@cdp/protocol';
import { DeliveriesQuery as DeliveriesQuerySchema } from '@cdp/protocol';
import { type Kysely, sql } from 'kysely';
import pino from 'pino';
import { z } from 'zod';
import type { Database } from '../../database.ts';
import { deadline } from '../../platform/abort.ts';
import { newId } from '../../platform/ids.ts';
import {
  destinationInUse,
  destinationNotFound,
  invalidDestinationConfig,
  unknownDestinationType,
} from './activation.errors.ts';
import { type DeliveryMessage, type DestinationType, PermanentError } from './destination.ts';
import { type DestinationRecord, DestinationRuntime } from './destination-runtime.ts';
import { loadProfiles } from './load-messages.ts';
import { checkDestinationUrl, createSafeFetch, type EgressPolicy } from './safe-fetch.ts';
import { checkTemplate } from './templates.ts';

const iso = (d: Date | string) => new Date(d).toISOString();

type DestinationRow = DestinationRecord & {
  disabled_reason: string | null;
  created_at: Date;
  updated_at: Date;
};

function toDestination(row: DestinationRow): Destination {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    config: row.config,
    secretsSet: Object.keys(row.secrets).sort(),
    purposes: row.purposes,
    enabled: row.enabled,
    disabledReason: row.disabled_reason,
    concurrency: row.concurrency,
    ratePerSecond: row.rate_per_second,
    retryHours: Number(row.retry_hours),
    version: row.version,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

interface DeliveryRowOut {
  id: string;
  destination_id: string;
  sync_id: string | null;
  message_id: string;
  kind: Delivery['kind'];
  profile_id: string | null;
  event_id: string | null;
  audience_id: string | null;
  change: string | null;
  at: Date;
  status: Delivery['status'];
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
  last_status: number | null;
  duration_ms: number | null;
  created_at: Date;
  finished_at: Date | null;
}

function toDelivery(r: DeliveryRowOut): Delivery {
  return {
    id: String(r.id),
    destinationId: r.destination_id,
    syncId: r.sync_id,
    messageId: r.message_id,
    kind: r.kind,
    profileId: r.profile_id,
    eventId: r.event_id === null ? null : String(r.event_id),
    audienceId: r.audience_id,
    change: r.change,
    at: iso(r.at),
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: iso(r.next_attempt_at),
    lastError: r.last_error,
    lastStatus: r.last_status,
    durationMs: r.duration_ms,
    createdAt: iso(r.created_at),
    finishedAt: r.finished_at ? iso(r.finished_at) : null,
  };
}

/** Top-level config strings that may hold Liquid: checked when saved, so a typo fails the form, not deliveries. */
function templateFields(config: Record<string, unknown>): Array<[string, string]> {
  return Object.entries(config).filter(
    (e): e is [string, string] => typeof e[1] === 'string' && e[1].includes('{'),
  );
}

const fieldsOfType = new WeakMap<DestinationType<unknown>, Set<string> | null>();

/** The top-level fields a type's config may have (any branch of a union), or null when open. */
function knownFields(type: DestinationType<unknown>): Set<string> | null {
  if (fieldsOfType.has(type)) return fieldsOfType.get(type) ?? null;
  const fields = new Set<string>();
  let open = false;
  const walk = (schema: Record<string, unknown>) => {
    if (schema.properties) for (const k of Object.keys(schema.properties as object)) fields.add(k);
    else if (!schema.anyOf && !schema.oneOf && !schema.allOf) open = true;
    for (const branch of [schema.anyOf, schema.oneOf, schema.allOf])
      if (Array.isArray(branch)) for (const b of branch) walk(b as Record<string, unknown>);
  };
  walk(z.toJSONSchema(type.configSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>);
  const result = open ? null : fields;
  fieldsOfType.set(type, result);
  return result;
}

export interface DestinationsServiceOptions {
  readonly types: ReadonlyMap<string, DestinationType<unknown>>;
  readonly egress: EgressPolicy;
  readonly exportRoot: string;
  /** the worker's circuit state of a destination */
  readonly circuit: (destinationId: string) => 'closed' | 'open' | 'half_open';
  /** a destination changed, or deliveries were queued again */
  readonly changed: () => void;
}

/** Destinations: types, CRUD with write-only secrets, delivery overview, dead letters and replay. */
export class DestinationsService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: DestinationsServiceOptions,
  ) {}

  types(): DestinationTypeInfo[] {
    return [...this.options.types.values()].map((t) => ({
      type: t.type,
      category: t.category,
      label: t.label,
      accepts: [...t.accepts],
      purposes: [...t.purposes],
      secrets: [...t.secrets],
      configSchema: z.toJSONSchema(t.configSchema, { io: 'input', unrepresentable: 'any' }) as Record<
        string,
        unknown
      >,
    }));
  }

  private type(name: string): DestinationType<unknown> {
    const type = this.options.types.get(name);
    if (!type) throw unknownDestinationType(name);
    return type;
  }

  /** Validates a full config (secrets included) against the type: schema, URLs (SSRF), templates. */
  private async validate(type: DestinationType<unknown>, config: Record<string, unknown>) {
    // a misspelt field would otherwise be dropped silently and its default used
    const known = knownFields(type);
    const unknown = known ? Object.keys(config).filter((k) => !known.has(k)) : [];
    if (unknown.length > 0)
      throw invalidDestinationConfig(
        `unknown field ${unknown[0]} for a ${type.type} destination`,
        unknown[0],
      );
    const parsed = type.configSchema.safeParse(config);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw invalidDestinationConfig(
        `${issue.path.join('.') || 'config'}: ${issue.message}`,
        issue.path.join('.'),
        parsed.error.issues,
      );
    }
    const values = parsed.data as Record<string, unknown>;
    for (const field of type.urls) {
      const url = values[field];
      if (typeof url !== 'string' || url === '') continue;
      try {
        await checkDestinationUrl(url, this.options.egress);
      } catch (err) {
        throw invalidDestinationConfig(`${field}: ${(err as Error).message}`, field);
      }
    }
    for (const [field, template] of templateFields(values)) {
      try {
        checkTemplate(template);
      } catch (err) {
        throw invalidDestinationConfig(`${field}: not a valid template: ${(err as Error).message}`, field);
      }
    }
  }

  /** Splits a config into what may be shown and the secrets (kept apart, never returned). */
  private split(type: DestinationType<unknown>, config: Record<string, unknown>) {
    const shown: Record<string, unknown> = {};
    const secrets: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(config)) {
      if (value === undefined || value === null) continue;
      if (type.secrets.includes(key)) secrets[key] = value;
      else shown[key] = value;
    }
    return { shown, secrets };
  }

  async list(workspaceId: string): Promise<{ items: Destination[] }> {
    const rows = await this.db
      .selectFrom('destinations')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .orderBy('created_at')
      .execute();
    return { items: (rows as unknown as DestinationRow[]).map(toDestination) };
  }

  private async row(workspaceId: string, id: string): Promise<DestinationRow> {
    const row = await this.db
      .selectFrom('destinations')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw destinationNotFound(id);
    return row as unknown as DestinationRow;
  }

  async get(workspaceId: string, id: string): Promise<Destination> {
    return toDestination(await this.row(workspaceId, id));
  }

  async create(
    workspaceId: string,
    body: CreateDestinationBody,
    userId: string | null,
  ): Promise<Destination> {
    const type = this.type(body.type);
    await this.validate(type, body.config);
    const { shown, secrets } = this.split(type, body.config);
    const id = newId('dst');
    await this.db
      .insertInto('destinations')
      .values({
        workspace_id: workspaceId,
        id,
        name: body.name,
        type: type.type,
        config: JSON.stringify(shown),
        secrets: JSON.stringify(secrets),
        purposes: body.purposes ?? [...type.purposes],
        enabled: body.enabled,
        concurrency: body.concurrency,
        rate_per_second: body.ratePerSecond,
        retry_hours: body.retryHours,
        created_by: userId,
      })
      .execute();
    this.options.changed();
    return this.get(workspaceId, id);
  }

  async update(workspaceId: string, id: string, body: UpdateDestinationBody): Promise<Destination> {
    const row = await this.row(workspaceId, id);
    const type = this.type(row.type);
    let config = row.config;
    let secrets = row.secrets;
    if (body.config) {
      // secrets left out keep their value; shown fields are replaced by the body's
      const merged: Record<string, unknown> = { ...secrets, ...body.config };
      await this.validate(type, merged);
      ({ shown: config, secrets } = this.split(type, merged));
    }
    const reenabled = body.enabled === true && !row.enabled;
    await this.db
      .updateTable('destinations')
      .set({
        name: body.name ?? row.name,
        config: JSON.stringify(config),
        secrets: JSON.stringify(secrets),
        purposes: body.purposes ?? row.purposes,
        enabled: body.enabled ?? row.enabled,
        disabled_reason: reenabled ? null : row.disabled_reason,
        concurrency: body.concurrency ?? row.concurrency,
        rate_per_second: body.ratePerSecond === undefined ? row.rate_per_second : body.ratePerSecond,
        retry_hours: body.retryHours ?? row.retry_hours,
        version: row.version + 1,
        updated_at: new Date(),
      })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .execute();
    this.options.changed();
    return this.get(workspaceId, id);
  }

  async remove(workspaceId: string, id: string): Promise<void> {
    await this.row(workspaceId, id);
    const syncs = await this.db
      .selectFrom('syncs')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('destination_id', '=', id)
      .execute();
    if (syncs.length > 0)
      throw destinationInUse(
        id,
        syncs.map((s) => s.id),
      );
    await this.db.transaction().execute(async (tx) => {
      await tx
        .deleteFrom('deliveries')
        .where('destination_id', '=', id)
        .where('status', '=', 'pending')
        .execute();
      await tx
        .deleteFrom('destinations')
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .execute();
    });
    this.options.changed();
  }

  async metrics(workspaceId: string, id: string): Promise<DestinationMetrics> {
    await this.row(workspaceId, id);
    const { rows: counts } = await sql<{ status: string; retrying: boolean; n: number }>`
      select status, status = 'pending' and attempts > 0 as retrying, count(*)::int as n
        from deliveries where destination_id = ${id}
       group by 1, 2`.execute(this.db);
    const count = (status: string, retrying = false) =>
      counts.filter((c) => c.status === status && c.retrying === retrying).reduce((a, c) => a + c.n, 0);
    const { rows: hour } = await sql<{
      delivered: number;
      failed: number;
      p50: number | null;
      p95: number | null;
      e50: number | null;
      e95: number | null;
    }>`
      select count(*) filter (where status = 'delivered')::int as delivered,
             coalesce(sum(attempts - case when status = 'delivered' then 1 else 0 end), 0)::int as failed,
             percentile_cont(0.5) within group (order by duration_ms) filter (where status = 'delivered') as p50,
             percentile_cont(0.95) within group (order by duration_ms) filter (where status = 'delivered') as p95,
             percentile_cont(0.5) within group (order by extract(epoch from finished_at - created_at) * 1000)
               filter (where status = 'delivered') as e50,
             percentile_cont(0.95) within group (order by extract(epoch from finished_at - created_at) * 1000)
               filter (where status = 'delivered') as e95
        from deliveries
       where destination_id = ${id} and finished_at > now() - interval '1 hour'`.execute(this.db);
    const h = hour[0];
    const num = (v: number | null) => (v === null ? null : Math.round(Number(v)));
    return {
      queued: count('pending'),
      retrying: count('pending', true),
      sending: count('sending'),
      delivered: count('delivered'),
      skipped: count('skipped'),
      suppressed: count('suppressed'),
      dead: count('dead'),
      lastHour: {
        delivered: h.delivered,
        failedAttempts: h.failed,
        p50Ms: num(h.p50),
        p95Ms: num(h.p95),
        endToEndP50Ms: num(h.e50),
        endToEndP95Ms: num(h.e95),
      },
      circuit: this.options.circuit(id),
    };
  }

  async deliveries(workspaceId: string, id: string, input: DeliveriesQuery): Promise<DeliveryPage> {
    await this.row(workspaceId, id);
    const query = DeliveriesQuerySchema.parse(input);
    const status =
      query.status === 'retrying'
        ? sql`and status = 'pending' and attempts > 0`
        : query.status
          ? sql`and status = ${query.status}`
          : sql``;
    const before = query.before ? sql`and id < ${query.before}::bigint` : sql``;
    const { rows } = await sql<DeliveryRowOut>`
      select id, destination_id, sync_id, message_id, kind, profile_id, event_id, audience_id, change, at, status,
             attempts, next_attempt_at, last_error, last_status, duration_ms, created_at, finished_at
        from deliveries
       where workspace_id = ${workspaceId} and destination_id = ${id} ${status} ${before}
       order by id desc limit ${query.limit + 1}`.execute(this.db);
    const page = rows.slice(0, query.limit).map(toDelivery);
    return { items: page, next: rows.length > query.limit ? page[page.length - 1].id : null };
  }

  /**
   * Queues deliveries again (after the config was fixed): same idempotency key, attempts from zero,
   * a fresh retry window. Only finished ones that did not succeed can be replayed.
   */
  async replay(workspaceId: string, id: string, body: ReplayDeliveriesBody): Promise<{ replayed: number }> {
    await this.row(workspaceId, id);
    const which = body.ids
      ? sql`and id in (select unnest(${body.ids}::bigint[])) and status in ('dead', 'skipped', 'suppressed')`
      : sql`and status = ${body.status ?? 'dead'}`;
    const result = await sql`
      update deliveries set status = 'pending', attempts = 0, next_attempt_at = now(), retry_since = now(),
             finished_at = null, lease_until = null
       where workspace_id = ${workspaceId} and destination_id = ${id} ${which}`.execute(this.db);
    this.options.changed();
    return { replayed: Number(result.numAffectedRows ?? 0) };
  }

  /**
   * Sends one test message now, outside the outbox (the console's "send test"): to a given
   * profile, or with sample data. Consent is not checked: nothing about a real person is sent
   * unless an operator chose the profile.
   */
  async test(
    workspaceId: string,
    id: string,
    input: { profileId?: string; data?: Record<string, unknown> },
  ): Promise<{ ok: boolean; error: string | null; durationMs: number }> {
    const row = await this.row(workspaceId, id);
    const type = this.type(row.type);
    const person = input.profileId
      ? (await loadProfiles(this.db, workspaceId, [input.profileId])).get(input.profileId)
      : undefined;
    const kind = type.accepts.includes('message') ? 'message' : type.accepts[0];
    const message: DeliveryMessage = {
      id: `test:${newId('msg')}`,
      kind,
      workspaceId,
      at: new Date().toISOString(),
      profile: person?.profile,
      data: input.data ?? { test: true },
      change: kind === 'audience_change' ? 'enter' : undefined,
      audience: kind === 'audience_change' ? { id: 'aud_test', name: 'test' } : undefined,
    };
    const fetch = createSafeFetch({ policy: this.options.egress, timeoutMs: 15_000 });
    const runtime = new DestinationRuntime({ ...row, purposes: row.purposes as Purpose[] }, type, {
      fetch,
      log: pino({ level: 'silent' }),
      exportRoot: this.options.exportRoot,
    });
    const started = Date.now();
    const limit = deadline(20_000);
    try {
      if (runtime.broken) throw new PermanentError(runtime.broken);
      await type.send(message, runtime.context(limit.signal));
      return { ok: true, error: null, durationMs: Date.now() - started };
    } catch (err) {
      return {
        ok: false,
        error: err instanceof Error ? err.message : String(err),
        durationMs: Date.now() - started,
      };
    } finally {
      limit.done();
      await runtime.close();
      await fetch.close();
    }
  }
}
