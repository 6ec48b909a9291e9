import {
  ContactPolicy,
  type Journey,
  JourneyDefinition,
  type JourneyReport,
  type JourneyStep,
} from '@cdp/protocol';
import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { DestinationType } from '../activation/index.ts';
import { uplift } from './effect-stats.ts';

const iso = (d: Date | string) => new Date(d).toISOString();

export const journeyNotFound = (id: string) =>
  new AppError('not_found', 'journey_not_found', `Journey ${id} not found`);
const invalidJourney = (message: string, path: string) =>
  new AppError('invalid', 'invalid_journey', message, { path: `definition.${path}` });
const invalidTransition = (message: string) => new AppError('conflict', 'invalid_journey_status', message);

interface JourneyRow {
  workspace_id: string;
  id: string;
  name: string;
  description: string | null;
  status: Journey['status'];
  priority: number;
  definition: JourneyDefinition;
  published_version: number | null;
  published: JourneyDefinition | null;
  created_at: Date;
  updated_at: Date;
}

function toJourney(row: JourneyRow): Journey {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    status: row.status,
    priority: row.priority,
    definition: row.definition,
    publishedVersion: row.published_version,
    hasDraft: row.published === null || JSON.stringify(row.published) !== JSON.stringify(row.definition),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

/** The step ids a step leads to. */
export function nextsOf(step: JourneyStep): Array<string | null> {
  switch (step.kind) {
    case 'wait':
      return step.wait.type === 'event' ? [step.next, step.wait.timeoutNext] : [step.next];
    case 'split':
      return [step.yes, step.no];
    case 'ab':
      return step.branches.map((b) => b.next);
    case 'exit':
      return [];
    default:
      return [step.next];
  }
}

/** Graph checks: unique ids, every `next` names a step, A/B percentages add up to 100. */
export function checkGraph(definition: JourneyDefinition): void {
  const ids = new Set<string>();
  definition.steps.forEach((step, i) => {
    if (ids.has(step.id)) throw invalidJourney(`step id ${step.id} is used twice`, `steps.${i}.id`);
    ids.add(step.id);
  });
  if (definition.start !== null && !ids.has(definition.start))
    throw invalidJourney(`start names no step: ${definition.start}`, 'start');
  definition.steps.forEach((step, i) => {
    for (const next of nextsOf(step))
      if (next !== null && !ids.has(next))
        throw invalidJourney(`${step.id} leads to no step: ${next}`, `steps.${i}`);
    if (step.kind === 'ab' && step.branches.reduce((a, b) => a + b.percent, 0) !== 100)
      throw invalidJourney(`the branches of ${step.id} must add up to 100%`, `steps.${i}.branches`);
  });
}

/** Journeys: drafts, published versions, pause/resume, the effect report and the contact policy. */
export class JourneysService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly types: ReadonlyMap<string, DestinationType<unknown>>,
    /** the runner should look for work */
    private readonly changed: () => void,
  ) {}

  /** What must exist for a journey to run: its audience, destinations taking messages, tags. */
  private async checkReferences(workspaceId: string, definition: JourneyDefinition): Promise<void> {
    checkGraph(definition);
    if (definition.entry.type === 'audience') {
      const found = await this.db
        .selectFrom('audiences')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', definition.entry.audienceId)
        .executeTakeFirst();
      if (!found) throw invalidJourney(`unknown audience ${definition.entry.audienceId}`, 'entry.audienceId');
    }
    for (const [i, step] of definition.steps.entries()) {
      if (step.kind === 'send') {
        const d = await this.db
          .selectFrom('destinations')
          .select('type')
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', step.destinationId)
          .executeTakeFirst();
        if (!d) throw invalidJourney(`unknown destination ${step.destinationId}`, `steps.${i}.destinationId`);
        if (!this.types.get(d.type)?.accepts.includes('message'))
          throw invalidJourney(`a ${d.type} destination does not send messages`, `steps.${i}.destinationId`);
      }
      if (step.kind === 'update' && step.set.type === 'tag') {
        const tag = await this.db
          .selectFrom('tags')
          .select('spec')
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', step.set.tagId)
          .executeTakeFirst();
        if (!tag) throw invalidJourney(`unknown tag ${step.set.tagId}`, `steps.${i}.set.tagId`);
        if ((tag.spec as { kind?: string }).kind !== 'imported')
          throw invalidJourney('only imported tags take values from journeys', `steps.${i}.set.tagId`);
      }
    }
  }

  private async row(workspaceId: string, id: string): Promise<JourneyRow> {
    const { rows } = await sql<JourneyRow>`
      select j.*, v.definition as published
        from journeys j
        left join journey_versions v on v.workspace_id = j.workspace_id and v.journey_id = j.id and v.version = j.published_version
       where j.workspace_id = ${workspaceId} and j.id = ${id}`.execute(this.db);
    if (!rows[0]) throw journeyNotFound(id);
    return rows[0];
  }

  async get(workspaceId: string, id: string): Promise<Journey> {
    return toJourney(await this.row(workspaceId, id));
  }

  async list(workspaceId: string): Promise<{ items: Journey[] }> {
    const { rows } = await sql<JourneyRow>`
      select j.*, v.definition as published
        from journeys j
        left join journey_versions v on v.workspace_id = j.workspace_id and v.journey_id = j.id and v.version = j.published_version
       where j.workspace_id = ${workspaceId} and j.status <> 'archived'
       order by j.created_at desc`.execute(this.db);
    return { items: rows.map(toJourney) };
  }

  async create(
    workspaceId: string,
    body: {
      name: string;
      description?: string;
      priority: number;
      definition: z.output<typeof JourneyDefinition>;
    },
    userId: string | null,
  ): Promise<Journey> {
    checkGraph(body.definition);
    const id = newId('jny');
    await this.db
      .insertInto('journeys')
      .values({
        workspace_id: workspaceId,
        id,
        name: body.name,
        description: body.description ?? null,
        priority: body.priority,
        definition: JSON.stringify(body.definition),
        created_by: userId,
      })
      .execute();
    return this.get(workspaceId, id);
  }

  /** Edits the draft; a running journey keeps running its published version until the next publish. */
  async update(
    workspaceId: string,
    id: string,
    body: { name?: string; description?: string; priority?: number; definition?: JourneyDefinition },
  ): Promise<Journey> {
    const row = await this.row(workspaceId, id);
    if (row.status === 'archived') throw invalidTransition('an archived journey cannot change');
    if (body.definition) checkGraph(body.definition);
    await this.db
      .updateTable('journeys')
      .set({
        name: body.name ?? row.name,
        description: body.description ?? row.description,
        priority: body.priority ?? row.priority,
        definition: JSON.stringify(body.definition ?? row.definition),
        updated_at: new Date(),
      })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .execute();
    return this.get(workspaceId, id);
  }

  /**
   * Publishes the draft as a new version (new entrants follow it; people in flight finish theirs)
   * and starts the journey. The first publish of an audience journey admits people entering the
   * audience from now on.
   */
  async publish(workspaceId: string, id: string): Promise<Journey> {
    const row = await this.row(workspaceId, id);
    if (row.status === 'archived') throw invalidTransition('an archived journey cannot start');
    const definition = JourneyDefinition.parse(row.definition);
    await this.checkReferences(workspaceId, definition);
    await this.db.transaction().execute(async (tx) => {
      const version = (row.published_version ?? 0) + 1;
      await tx
        .insertInto('journey_versions')
        .values({
          workspace_id: workspaceId,
          journey_id: id,
          version,
          definition: JSON.stringify(definition),
        })
        .execute();
      const cursor =
        row.published_version === null && definition.entry.type === 'audience'
          ? ((
              await sql<{ max: string | null }>`
                select max(seq)::text as max from audience_changes
                 where workspace_id = ${workspaceId} and audience_id = ${definition.entry.audienceId}`.execute(
                tx,
              )
            ).rows[0].max ?? '0')
          : undefined;
      await tx
        .updateTable('journeys')
        .set({
          published_version: version,
          status: 'active',
          updated_at: new Date(),
          ...(cursor !== undefined ? { entry_cursor: cursor } : {}),
        })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .execute();
    });
    this.changed();
    return this.get(workspaceId, id);
  }

  async setStatus(
    workspaceId: string,
    id: string,
    status: 'active' | 'paused' | 'archived',
  ): Promise<Journey> {
    const row = await this.row(workspaceId, id);
    if (row.status === 'archived') throw invalidTransition('an archived journey stays archived');
    if (status !== 'archived' && row.published_version === null)
      throw invalidTransition('publish the journey first');
    await this.db
      .updateTable('journeys')
      .set({ status, updated_at: new Date() })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .execute();
    if (status === 'archived')
      await sql`update journey_states set status = 'exited', finished_at = now()
                 where workspace_id = ${workspaceId} and journey_id = ${id} and status = 'active'`.execute(
        this.db,
      );
    this.changed();
    return this.get(workspaceId, id);
  }

  /** Entered, reached, converted and revenue per group, uplift against control, and counts per step. */
  async report(workspaceId: string, id: string, version?: number): Promise<JourneyReport> {
    await this.row(workspaceId, id);
    const v = version === undefined ? sql`` : sql`and version = ${version}`;
    const { rows: groups } = await sql<{
      grp: string;
      entered: number;
      reached: number;
      converted: number;
      revenue: string;
      active: number;
    }>`
      select grp, count(*)::int as entered, count(*) filter (where reached)::int as reached,
             count(converted_at)::int as converted, coalesce(sum(revenue), 0)::text as revenue,
             count(*) filter (where status = 'active')::int as active
        from journey_states where workspace_id = ${workspaceId} and journey_id = ${id} ${v}
       group by grp order by grp = 'control', grp`.execute(this.db);
    const control = groups.find((g) => g.grp === 'control');
    const { rows: steps } = await sql<{ step_id: string; reached: number; sent: number; suppressed: number }>`
      select step_id, count(distinct profile_id) filter (where outcome = 'reached')::int as reached,
             count(*) filter (where outcome = 'sent')::int as sent,
             count(*) filter (where outcome in ('capped'))::int as suppressed
        from journey_step_log where workspace_id = ${workspaceId} and journey_id = ${id} ${v}
       group by step_id order by step_id`.execute(this.db);
    const { rows: waiting } = await sql<{ step_id: string; n: number }>`
      select step_id, count(*)::int as n from journey_states
       where workspace_id = ${workspaceId} and journey_id = ${id} and status = 'active' ${v}
       group by step_id`.execute(this.db);
    const waitingOf = new Map(waiting.map((w) => [w.step_id, w.n]));
    return {
      journeyId: id,
      version: version ?? null,
      groups: groups.map((g) => {
        const revenue = Number(g.revenue);
        return {
          group: g.grp,
          entered: g.entered,
          reached: g.reached,
          converted: g.converted,
          conversionRate: g.entered === 0 ? null : g.converted / g.entered,
          revenue,
          revenuePerProfile: g.entered === 0 ? null : revenue / g.entered,
          uplift: g.grp === 'control' || !control ? null : uplift(g, control),
        };
      }),
      steps: steps.map((s) => ({
        stepId: s.step_id,
        reached: s.reached,
        waiting: waitingOf.get(s.step_id) ?? 0,
        sent: s.sent,
        suppressed: s.suppressed,
      })),
      active: groups.reduce((a, g) => a + g.active, 0),
      finished: groups.reduce((a, g) => a + g.entered - g.active, 0),
    };
  }

  async policy(workspaceId: string): Promise<ContactPolicy> {
    const row = await this.db
      .selectFrom('contact_policies')
      .select('policy')
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirst();
    return ContactPolicy.parse(row?.policy ?? {});
  }

  async setPolicy(workspaceId: string, policy: ContactPolicy): Promise<ContactPolicy> {
    await sql`
      insert into contact_policies (workspace_id, policy) values (${workspaceId}, ${JSON.stringify(policy)}::jsonb)
      on conflict (workspace_id) do update set policy = excluded.policy, updated_at = now()`.execute(this.db);
    return policy;
  }
}
