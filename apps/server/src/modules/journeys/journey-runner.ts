import { createHash } from 'node:crypto';
import type { ContactPolicy, JourneyDefinition, JourneyStep } from '@cdp/protocol';
import { type Kysely, sql } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../../database.ts';
import { groupBy } from '../../platform/group-by.ts';
import { WorkLoop } from '../../platform/jobs/work-loop.ts';
import type { DestinationType } from '../activation/index.ts';
import { clockOf, compileEventScope, evaluate, inEventScope } from '../query/index.ts';
import { loadSnapshots } from '../segments/index.ts';
import { type ContactVerdict, type WalkState, walk } from './journey-walk.ts';
import { isTimeZone, quietUntil } from './local-clock.ts';

/** A trait or tag update a step decided, done after its transaction. */
export interface JourneyAction {
  readonly type: 'trait' | 'tag';
  readonly name: string;
  readonly value: string | number | boolean;
}

/** How updates reach profiles (composed by the app: an identify through ingestion, a tag import). */
export type ApplyAction = (
  workspaceId: string,
  profileId: string,
  key: string,
  action: JourneyAction,
) => Promise<void>;

export interface JourneyRunnerOptions {
  readonly timeZone: string;
  readonly types: ReadonlyMap<string, DestinationType<unknown>>;
  readonly applyAction: ApplyAction;
  /** deliveries were queued */
  readonly queued: () => void;
  readonly pollMs?: number;
  readonly batch?: number;
}

interface StateRow {
  workspace_id: string;
  journey_id: string;
  profile_id: string;
  version: number;
  grp: string;
  step_id: string | null;
  visits: number;
  waiting_since: Date | null;
  reached: boolean;
  entered_at: Date;
  priority: number;
}

/** A stable number in [0, 100) from a text: holdout and A/B buckets never change for a person. */
export function bucketOf(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0) % 100;
}

const GOAL_CHECK_MS = 5_000;

/**
 * Runs journeys: admits people (audience enters since the journey's cursor, event entries queued by
 * the pipeline), walks people whose wake-up is due — each batch in one transaction that moves
 * their states, logs the steps and queues their messages in the delivery outbox together — records
 * goal conversions, and applies trait/tag updates. People of paused journeys wait where they are.
 */
export class JourneyRunner {
  private readonly work: WorkLoop;
  private readonly versions = new Map<string, JourneyDefinition>();
  private goalsAt = 0;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly log: Logger,
    private readonly options: JourneyRunnerOptions,
  ) {
    this.work = new WorkLoop(() => this.step(), {
      name: 'journey runner',
      pollMs: options.pollMs ?? 1_000,
      log,
    });
  }

  notify(): void {
    this.work.notify();
  }

  start(): void {
    this.work.start();
  }

  stop(): Promise<void> {
    return this.work.stop();
  }

  /** Runs until nothing is due now (tests, CLI). */
  async drain(): Promise<void> {
    this.goalsAt = 0;
    for (let i = 0; i < 1000 && (await this.step()); i++) {}
    this.goalsAt = 0;
    await this.checkGoals();
  }

  async step(): Promise<boolean> {
    const admitted = (await this.admitAudienceEntries()) + (await this.admitEventEntries());
    const walked = await this.advance();
    const acted = await this.applyActions();
    if (Date.now() - this.goalsAt > GOAL_CHECK_MS) await this.checkGoals();
    return admitted + walked + acted > 0;
  }

  /** A published version (immutable, cached); read through `db`, the caller's transaction if any. */
  private async definition(
    db: Kysely<Database>,
    workspaceId: string,
    journeyId: string,
    version: number,
  ): Promise<JourneyDefinition> {
    const key = `${workspaceId}/${journeyId}/${version}`;
    const known = this.versions.get(key);
    if (known) return known;
    const row = await db
      .selectFrom('journey_versions')
      .select('definition')
      .where('workspace_id', '=', workspaceId)
      .where('journey_id', '=', journeyId)
      .where('version', '=', version)
      .executeTakeFirstOrThrow();
    const definition = row.definition as JourneyDefinition;
    this.versions.set(key, definition);
    return definition;
  }

  /** New state rows for admitted people: the holdout share goes to `control` and is never walked. */
  private async admit(
    db: Kysely<Database>,
    journey: { workspace_id: string; id: string; published_version: number },
    people: ReadonlyArray<{ profile_id: string; at: Date }>,
  ): Promise<number> {
    if (people.length === 0) return 0;
    const definition = await this.definition(db, journey.workspace_id, journey.id, journey.published_version);
    const rows = people.map((p) => {
      const control = bucketOf(`${journey.id}:${p.profile_id}:holdout`) < definition.holdoutPercent;
      return {
        profileId: p.profile_id,
        grp: control ? 'control' : 'all',
        stepId: control ? null : definition.start,
        status: control ? 'done' : 'active',
        goalDeadline: definition.goal
          ? new Date(new Date(p.at).getTime() + definition.goal.withinDays * 86_400_000).toISOString()
          : null,
      };
    });
    const result = await sql`
      insert into journey_states (workspace_id, journey_id, profile_id, version, grp, step_id, status, wake_at,
                                  entered_at, finished_at, goal_deadline)
      select ${journey.workspace_id}, ${journey.id}, r."profileId", ${journey.published_version}, r.grp, r."stepId",
             r.status, case when r.status = 'active' then now() end, now(),
             case when r.status = 'done' then now() end, r."goalDeadline"
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
             as r("profileId" text, grp text, "stepId" text, status text, "goalDeadline" timestamptz)
      on conflict do nothing`.execute(db);
    return Number(result.numAffectedRows ?? 0);
  }

  /** People who entered an entry audience since the journey's cursor. */
  private async admitAudienceEntries(): Promise<number> {
    return this.db.transaction().execute(async (tx) => {
      const { rows: journeys } = await sql<{
        workspace_id: string;
        id: string;
        published_version: number;
        entry_cursor: string | null;
        audience_id: string;
      }>`
        select j.workspace_id, j.id, j.published_version, j.entry_cursor, j.definition #>> '{entry,audienceId}' as audience_id
          from journeys j
         where j.status = 'active' and j.published_version is not null
           and exists (select 1 from journey_versions v where v.workspace_id = j.workspace_id and v.journey_id = j.id
                         and v.version = j.published_version and v.definition #>> '{entry,type}' = 'audience')
           for update of j skip locked`.execute(tx);
      let admitted = 0;
      for (const j of journeys) {
        const definition = await this.definition(tx, j.workspace_id, j.id, j.published_version);
        if (definition.entry.type !== 'audience') continue;
        const { rows: changes } = await sql<{ seq: string; profile_id: string; at: Date }>`
          select seq, profile_id, at from audience_changes
           where workspace_id = ${j.workspace_id} and audience_id = ${definition.entry.audienceId}
             and change = 'enter' and seq > ${j.entry_cursor ?? '0'}::bigint
           order by seq limit 1000`.execute(tx);
        if (changes.length === 0) continue;
        admitted += await this.admit(tx, j, changes);
        await sql`update journeys set entry_cursor = ${changes[changes.length - 1].seq}::bigint
                   where workspace_id = ${j.workspace_id} and id = ${j.id}`.execute(tx);
      }
      return admitted;
    });
  }

  /** People whose event entered a journey (queued by the pipeline). */
  private async admitEventEntries(): Promise<number> {
    return this.db.transaction().execute(async (tx) => {
      const { rows } = await sql<{ workspace_id: string; journey_id: string; profile_id: string; at: Date }>`
        delete from journey_inbox where id = any(array(
          select id from journey_inbox order by id limit 1000 for update skip locked))
        returning workspace_id, journey_id, profile_id, at`.execute(tx);
      for (const list of groupBy(rows, (r) => `${r.workspace_id}/${r.journey_id}`).values()) {
        const journey = await tx
          .selectFrom('journeys')
          .select(['workspace_id', 'id', 'published_version', 'status'])
          .where('workspace_id', '=', list[0].workspace_id)
          .where('id', '=', list[0].journey_id)
          .executeTakeFirst();
        if (journey?.status !== 'active' || journey.published_version === null) continue;
        await this.admit(tx, { ...journey, published_version: journey.published_version }, list);
      }
      return rows.length;
    });
  }

  /** Walks the people whose wake-up is due, higher-priority journeys first (they use contact caps first). */
  private async advance(): Promise<number> {
    let queued = 0;
    const walked = await this.db.transaction().execute(async (tx) => {
      const { rows } = await sql<StateRow>`
        select s.workspace_id, s.journey_id, s.profile_id, s.version, s.grp, s.step_id, s.visits, s.waiting_since,
               s.reached, s.entered_at, j.priority
          from journey_states s
          join journeys j on j.workspace_id = s.workspace_id and j.id = s.journey_id
         where s.status = 'active' and s.wake_at <= now() and j.status = 'active'
         order by j.priority, s.wake_at
         limit ${this.options.batch ?? 200}
           for update of s skip locked`.execute(tx);
      if (rows.length === 0) return 0;
      for (const [workspaceId, states] of groupBy(rows, (r) => r.workspace_id))
        queued += await this.walkStates(tx, workspaceId, states);
      return rows.length;
    });
    if (queued > 0) this.options.queued();
    return walked;
  }

  private async walkStates(db: Kysely<Database>, workspaceId: string, states: StateRow[]): Promise<number> {
    const now = new Date();
    const profileIds = [...new Set(states.map((s) => s.profile_id))];
    const snapshots = await loadSnapshots(
      db,
      workspaceId,
      profileIds,
      null,
      { tags: true, identifiers: true },
      2_000,
    );
    const policy = ((
      await db
        .selectFrom('contact_policies')
        .select('policy')
        .where('workspace_id', '=', workspaceId)
        .executeTakeFirst()
    )?.policy ?? { caps: [], quietHours: [] }) as ContactPolicy;
    const channels = new Map(
      (
        await db
          .selectFrom('destinations')
          .select(['id', 'type'])
          .where('workspace_id', '=', workspaceId)
          .execute()
      ).map((d) => [d.id, this.options.types.get(d.type)?.category ?? d.type]),
    );
    const sent = await this.recentMessages(db, workspaceId, profileIds, policy, channels);
    const options = { asOf: now, timeZone: this.options.timeZone };
    const clock = clockOf(options);
    const updates: Array<Record<string, unknown>> = [];
    const logs: Array<Record<string, unknown>> = [];
    const deliveries: Array<Record<string, unknown>> = [];
    const actions: Array<Record<string, unknown>> = [];
    for (const s of states) {
      const definition = await this.definition(db, workspaceId, s.journey_id, s.version);
      const snapshot = snapshots.get(s.profile_id);
      if (!snapshot) {
        updates.push({
          ...key(s),
          status: 'exited',
          step: s.step_id,
          grp: s.grp,
          visits: s.visits,
          reached: s.reached,
        });
        continue;
      }
      const zone = isTimeZone(snapshot.traits.timezone) ? snapshot.traits.timezone : this.options.timeZone;
      const mine = sent.get(s.profile_id) ?? [];
      const state: WalkState = {
        stepId: s.step_id,
        grp: s.grp,
        waitingSince: s.waiting_since ? new Date(s.waiting_since) : null,
        visits: s.visits,
        reached: s.reached,
      };
      const result = walk(state, {
        now,
        timeZone: zone,
        steps: new Map(definition.steps.map((x: JourneyStep) => [x.id, x])),
        exitWhen: definition.exitWhen,
        holds: (condition) => evaluate(condition, snapshot, options).matched,
        didSince: (match, since) =>
          snapshot.events.some((e) => e.timestamp >= since && inEventScope(e, match, undefined, clock)),
        bucket: (stepId) => bucketOf(`${s.journey_id}:${s.profile_id}:${stepId}`),
        contact: (destinationId) => {
          const verdict = contactVerdict(policy, channels.get(destinationId) ?? 'other', mine, now, zone);
          if (verdict.kind === 'ok') mine.push({ channel: channels.get(destinationId) ?? 'other', at: now });
          return verdict;
        },
      });
      const entered = new Date(s.entered_at).getTime();
      for (const send of result.sends)
        deliveries.push({
          destinationId: send.destinationId,
          messageId: `${s.journey_id}:${s.profile_id}:${entered}:${send.stepId}:${send.visit}`,
          profileId: s.profile_id,
          payload: {
            data: send.data,
            journey: { id: s.journey_id, version: s.version, stepId: send.stepId },
          },
        });
      for (const u of result.updates)
        actions.push({
          profileId: s.profile_id,
          journeyId: s.journey_id,
          key: `${s.journey_id}:${s.profile_id}:${entered}:${u.stepId}:${result.state.visits}`,
          action:
            u.step.set.type === 'trait'
              ? { type: 'trait', name: u.step.set.trait, value: u.step.set.value }
              : { type: 'tag', name: u.step.set.tagId, value: u.step.set.value },
        });
      for (const l of result.log)
        logs.push({
          journeyId: s.journey_id,
          version: s.version,
          stepId: l.stepId,
          profileId: s.profile_id,
          outcome: l.outcome,
        });
      updates.push({
        ...key(s),
        status: result.status,
        step: result.state.stepId,
        grp: result.state.grp,
        visits: result.state.visits,
        reached: result.state.reached,
        waitingSince: result.state.waitingSince?.toISOString() ?? null,
        wakeAt: result.wakeAt?.toISOString() ?? null,
      });
    }
    await sql`
      update journey_states s
         set status = u.status, step_id = u.step, grp = u.grp, visits = u.visits, reached = u.reached,
             waiting_since = u."waitingSince", wake_at = u."wakeAt",
             finished_at = case when u.status = 'active' then null else now() end
        from jsonb_to_recordset(${JSON.stringify(updates)}::jsonb)
             as u("journeyId" text, "profileId" text, status text, step text, grp text, visits int, reached boolean,
                  "waitingSince" timestamptz, "wakeAt" timestamptz)
       where s.workspace_id = ${workspaceId} and s.journey_id = u."journeyId" and s.profile_id = u."profileId"`.execute(
      db,
    );
    if (logs.length > 0)
      await sql`
        insert into journey_step_log (workspace_id, journey_id, version, step_id, profile_id, outcome)
        select ${workspaceId}, l."journeyId", l.version, l."stepId", l."profileId", l.outcome
          from jsonb_to_recordset(${JSON.stringify(logs)}::jsonb)
               as l("journeyId" text, version int, "stepId" text, "profileId" text, outcome text)`.execute(
        db,
      );
    if (deliveries.length > 0)
      await sql`
        insert into deliveries (workspace_id, destination_id, message_id, kind, profile_id, at, payload)
        select ${workspaceId}, d."destinationId", d."messageId", 'message', d."profileId", now(), d.payload
          from jsonb_to_recordset(${JSON.stringify(deliveries)}::jsonb)
               as d("destinationId" text, "messageId" text, "profileId" text, payload jsonb)
        on conflict do nothing`.execute(db);
    if (actions.length > 0)
      await sql`
        insert into journey_actions (workspace_id, journey_id, profile_id, key, action)
        select ${workspaceId}, a."journeyId", a."profileId", a.key, a.action
          from jsonb_to_recordset(${JSON.stringify(actions)}::jsonb)
               as a("journeyId" text, "profileId" text, key text, action jsonb)
        on conflict (key) do nothing`.execute(db);
    return deliveries.length;
  }

  /** Messages sent to these people within the longest cap window, by channel (for frequency caps). */
  private async recentMessages(
    db: Kysely<Database>,
    workspaceId: string,
    profileIds: readonly string[],
    policy: ContactPolicy,
    channels: ReadonlyMap<string, string>,
  ): Promise<Map<string, Array<{ channel: string; at: Date }>>> {
    const days = Math.max(0, ...policy.caps.map((c) => c.perDays));
    if (days === 0) return new Map();
    const { rows } = await sql<{ profile_id: string; destination_id: string; created_at: Date }>`
      select profile_id, destination_id, created_at from deliveries
       where workspace_id = ${workspaceId} and kind = 'message' and profile_id = any(${[...profileIds]}::text[])
         and created_at > now() - make_interval(days => ${days}::int)
         and status not in ('suppressed', 'skipped', 'dead')`.execute(db);
    return groupBy(
      rows.map((r) => ({
        profileId: r.profile_id,
        channel: channels.get(r.destination_id) ?? 'other',
        at: new Date(r.created_at),
      })),
      (m) => m.profileId,
    );
  }

  /** Trait and tag updates decided by steps: applied after their transaction, with idempotent keys. */
  private async applyActions(): Promise<number> {
    const { rows } = await sql<{
      id: string;
      workspace_id: string;
      profile_id: string;
      key: string;
      action: JourneyAction;
    }>`
      select id, workspace_id, profile_id, key, action from journey_actions
       where attempts < 5 order by id limit 50`.execute(this.db);
    for (const r of rows) {
      try {
        await this.options.applyAction(r.workspace_id, r.profile_id, r.key, r.action);
        await sql`delete from journey_actions where id = ${r.id}`.execute(this.db);
      } catch (err) {
        this.log.warn({ err, action: r.key }, 'journey update failed');
        await sql`update journey_actions set attempts = attempts + 1, last_error = ${String((err as Error).message).slice(0, 1000)}
                   where id = ${r.id}`.execute(this.db);
      }
    }
    return rows.length;
  }

  /** Conversions: the goal event after entry within the window (control included), with its revenue. */
  async checkGoals(): Promise<void> {
    this.goalsAt = Date.now();
    const { rows: journeys } = await sql<{ workspace_id: string; id: string }>`
      select distinct workspace_id, journey_id as id from journey_states
       where converted_at is null and goal_deadline is not null and goal_deadline > now() - interval '1 day'`.execute(
      this.db,
    );
    for (const j of journeys) {
      const { rows: versions } = await sql<{ version: number }>`
        select distinct version from journey_states where workspace_id = ${j.workspace_id} and journey_id = ${j.id}`.execute(
        this.db,
      );
      for (const { version } of versions) {
        const goal = (await this.definition(this.db, j.workspace_id, j.id, version)).goal;
        if (!goal) continue;
        const clock = clockOf({ asOf: new Date(), timeZone: this.options.timeZone });
        const revenue = goal.revenuePath
          ? sql`sum(case when jsonb_typeof(e.properties #> ${goal.revenuePath}::text[]) = 'number'
                         then (e.properties #>> ${goal.revenuePath}::text[])::numeric else 0 end)`
          : sql`0`;
        await sql`
          update journey_states s set converted_at = g.first_at, revenue = g.revenue, goal_checked_at = now()
            from (
              select s.profile_id, min(e."timestamp") as first_at, ${revenue} as revenue
                from journey_states s
                join profile_events e on e.workspace_id = s.workspace_id and e.profile_id = s.profile_id
               where s.workspace_id = ${j.workspace_id} and s.journey_id = ${j.id} and s.version = ${version}
                 and s.converted_at is null and s.goal_deadline > now() - interval '1 day'
                 and e."timestamp" >= s.entered_at and e."timestamp" <= s.goal_deadline
                 and ${compileEventScope(goal.match, undefined, 'e', clock)}
               group by s.profile_id) g
           where s.workspace_id = ${j.workspace_id} and s.journey_id = ${j.id} and s.profile_id = g.profile_id`.execute(
          this.db,
        );
      }
    }
  }
}

const key = (s: StateRow) => ({ journeyId: s.journey_id, profileId: s.profile_id });

/**
 * The contact policy's answer for one message on `channel`: quiet hours of the channel (or `all`)
 * in the person's time zone postpone it; a frequency cap reached skips it.
 */
export function contactVerdict(
  policy: ContactPolicy,
  channel: string,
  sent: ReadonlyArray<{ channel: string; at: Date }>,
  now: Date,
  timeZone: string,
): ContactVerdict {
  for (const q of policy.quietHours) {
    if (q.channel !== channel && q.channel !== 'all') continue;
    const until = quietUntil(now, q.start, q.end, timeZone);
    if (until) return { kind: 'quiet', until };
  }
  for (const cap of policy.caps) {
    if (cap.channel !== channel && cap.channel !== 'all') continue;
    const since = now.getTime() - cap.perDays * 86_400_000;
    const count = sent.filter(
      (m) => (cap.channel === 'all' || m.channel === cap.channel) && m.at.getTime() > since,
    ).length;
    if (count >= cap.max) return { kind: 'capped' };
  }
  return { kind: 'ok' };
}
