import type {
  Audience,
  AudienceChange,
  AudienceEstimate,
  AudienceList,
  AudienceOverlap,
  AudienceRunSummary,
  AudienceSource,
  AudienceTrend,
  ChangePage,
  CreateAudienceBody,
  MemberPage,
  MembershipExplanation,
  ProfileAudiences,
  UpdateAudienceBody,
} from '@cdp/protocol';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../database.ts';
import { newId } from '../../platform/ids.ts';
import { normalizeIdentifier } from '../identity/index.ts';
import { DEFAULT_TIME_ZONE, evaluate } from '../query/index.ts';
import { audienceDependencies, definitionOf, evaluationOrder } from './audience-definition.ts';
import {
  type AudienceRow,
  dependenciesOf,
  type RunReason,
  audiencesRepository as repo,
  toAudience,
  toRule,
  toRunSummary,
} from './audiences.repository.ts';
import { estimate, selects } from './membership.ts';
import { loadSnapshot } from './profile-snapshot.repository.ts';
import {
  audienceCycle,
  audienceNotFound,
  noUsableIdentifiers,
  profileNotFound,
  unknownAudiences,
} from './segments.errors.ts';

type Db = Kysely<Database>;
const iso = (d: Date | string) => new Date(d).toISOString();

/** Normalised `type:value` keys of uploaded identifiers, and how many were unusable. */
function fileKeys(source: AudienceSource): { keys: string[]; types: string[]; invalid: number } {
  if (source.kind !== 'file') return { keys: [], types: [], invalid: 0 };
  const keys = new Set<string>();
  const types = new Set<string>();
  let invalid = 0;
  for (const { type, value } of source.identifiers) {
    const n = normalizeIdentifier(type, value);
    if (!n.valid || n.value === null) invalid++;
    else {
      keys.add(`${type}:${n.value}`);
      types.add(type);
    }
  }
  return { keys: [...keys], types: [...types], invalid };
}

/** Audiences (人群圈选): definitions, files and combinations; members, changes, explanations. */
export class AudiencesService {
  constructor(
    private readonly db: Db,
    /** Called when a recomputation was queued (the runner picks it up). */
    private readonly onQueued: () => void = () => {},
    private readonly timeZone: string = DEFAULT_TIME_ZONE,
  ) {}

  private async row(workspaceId: string, id: string): Promise<AudienceRow> {
    const row = await repo.get(this.db, workspaceId, id);
    if (!row) throw audienceNotFound(id);
    return row;
  }

  private async present(rows: AudienceRow[]): Promise<Audience[]> {
    const runs = await repo.lastRuns(
      this.db,
      rows[0]?.workspace_id ?? '',
      rows.map((r) => r.id),
    );
    return rows.map((r) => toAudience(r, runs.get(r.id)));
  }

  async list(workspaceId: string): Promise<AudienceList> {
    const rows = await repo.list(this.db, workspaceId);
    return { items: await this.present(rows) };
  }

  async get(workspaceId: string, id: string): Promise<Audience> {
    const [audience] = await this.present([await this.row(workspaceId, id)]);
    return audience;
  }

  /** Checks that referenced audiences exist and that the new graph has no cycle. */
  private async checkReferences(workspaceId: string, id: string, source: AudienceSource) {
    const definition = definitionOf(source);
    const deps = audienceDependencies(definition);
    if (deps.audiences.length === 0) return;
    const rows = await repo.list(this.db, workspaceId);
    const known = new Set(rows.map((r) => r.id));
    const missing = deps.audiences.filter((a) => !known.has(a) && a !== id);
    if (missing.length > 0) throw unknownAudiences(missing);
    const graph = rows.filter((r) => r.id !== id).map((r) => ({ id: r.id, dependencies: dependenciesOf(r) }));
    evaluationOrder([...graph, { id, dependencies: deps }], audienceCycle);
  }

  private async queue(row: AudienceRow, reason: RunReason) {
    await repo.queueRun(this.db, row, reason);
    this.onQueued();
  }

  async create(workspaceId: string, body: CreateAudienceBody, actor: string | null): Promise<Audience> {
    const id = newId('aud');
    await this.checkReferences(workspaceId, id, body.source);
    const file = fileKeys(body.source);
    if (body.source.kind === 'file' && file.keys.length === 0) throw noUsableIdentifiers();
    const definition = definitionOf(body.source);
    const deps = audienceDependencies(definition, file.types);
    await this.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('audiences')
        .values({
          workspace_id: workspaceId,
          id,
          name: body.name,
          description: body.description ?? null,
          kind: body.source.kind,
          definition: definition ? JSON.stringify(definition) : null,
          combination: body.source.kind === 'combination' ? JSON.stringify(body.source.combination) : null,
          dependencies: JSON.stringify(deps),
          time_relative: deps.timeRelative,
          status: body.status,
          file_total: body.source.kind === 'file' ? body.source.identifiers.length : null,
          created_by: actor,
        })
        .execute();
      if (file.keys.length > 0) {
        await repo.replaceFileKeys(tx, workspaceId, id, file.keys);
        const unmatched = (await repo.unmatchedKeys(tx, workspaceId, id)) + file.invalid;
        await tx
          .updateTable('audiences')
          .set({ file_unmatched: unmatched })
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', id)
          .execute();
      }
    });
    await this.queue(await this.row(workspaceId, id), 'created');
    return this.get(workspaceId, id);
  }

  async update(workspaceId: string, id: string, body: UpdateAudienceBody): Promise<Audience> {
    const row = await this.row(workspaceId, id);
    const source = body.source;
    if (source) await this.checkReferences(workspaceId, id, source);
    const file = source ? fileKeys(source) : null;
    if (source?.kind === 'file' && file?.keys.length === 0) throw noUsableIdentifiers();
    await this.db.transaction().execute(async (tx) => {
      const definition = source ? definitionOf(source) : undefined;
      const deps = source ? audienceDependencies(definition ?? null, file?.types) : undefined;
      await tx
        .updateTable('audiences')
        .set({
          ...(body.name !== undefined ? { name: body.name } : {}),
          ...(body.description !== undefined ? { description: body.description } : {}),
          ...(body.status !== undefined ? { status: body.status } : {}),
          ...(source && deps
            ? {
                kind: source.kind,
                definition: definition ? JSON.stringify(definition) : null,
                combination: source.kind === 'combination' ? JSON.stringify(source.combination) : null,
                dependencies: JSON.stringify(deps),
                time_relative: deps.timeRelative,
                version: row.version + 1,
                file_total: source.kind === 'file' ? source.identifiers.length : null,
              }
            : {}),
          updated_at: new Date(),
        })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .execute();
      if (source) {
        await repo.replaceFileKeys(tx, workspaceId, id, file?.keys ?? []);
        if (source.kind === 'file')
          await tx
            .updateTable('audiences')
            .set({ file_unmatched: (await repo.unmatchedKeys(tx, workspaceId, id)) + (file?.invalid ?? 0) })
            .where('workspace_id', '=', workspaceId)
            .where('id', '=', id)
            .execute();
      }
    });
    const updated = await this.row(workspaceId, id);
    // a new definition, or an audience that comes back to life, is recomputed over all history
    if (source || (body.status === 'active' && row.status !== 'active')) await this.queue(updated, 'changed');
    return this.get(workspaceId, id);
  }

  async recompute(workspaceId: string, id: string): Promise<AudienceRunSummary> {
    const row = await this.row(workspaceId, id);
    await this.queue(row, 'manual');
    const runs = await repo.lastRuns(this.db, workspaceId, [id]);
    return toRunSummary(runs.get(id) as NonNullable<ReturnType<typeof runs.get>>);
  }

  async runs(workspaceId: string, id: string): Promise<{ items: AudienceRunSummary[] }> {
    await this.row(workspaceId, id);
    const rows = await this.db
      .selectFrom('audience_runs')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('audience_id', '=', id)
      .orderBy('id', 'desc')
      .limit(50)
      .execute();
    return { items: rows.map(toRunSummary) };
  }

  /** The live size estimate of the builder: count and sample, nothing stored. */
  async estimate(workspaceId: string, source: AudienceSource): Promise<AudienceEstimate> {
    const started = performance.now();
    await this.checkReferences(workspaceId, '', source);
    const definition = definitionOf(source);
    const time = { asOf: new Date(), timeZone: this.timeZone };
    let result: { size: number; sample: Array<{ id: string; name: string | null }> };
    if (definition) {
      result = await estimate(this.db, { workspaceId, id: '', kind: source.kind, definition }, time);
    } else {
      const { keys } = fileKeys(source);
      const { rows } = await sql<{ id: string; name: string | null; size: number }>`
        with target as (select distinct profile_id as id from identity_nodes
                         where workspace_id = ${workspaceId} and key in (select unnest(${keys}::text[])))
        select t.id, p.name, (select count(*)::int from target) as size
          from target t join profiles p on p.workspace_id = ${workspaceId} and p.id = t.id
         order by t.id limit 10`.execute(this.db);
      result = { size: rows[0]?.size ?? 0, sample: rows.map((r) => ({ id: r.id, name: r.name })) };
    }
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from profiles where workspace_id = ${workspaceId}`.execute(this.db);
    return {
      size: result.size,
      profiles: rows[0].n,
      sample: result.sample.map((s) => ({ profileId: s.id, name: s.name })),
      elapsedMs: Math.round((performance.now() - started) * 10) / 10,
    };
  }

  async members(workspaceId: string, id: string, q: { limit: number; after?: string }): Promise<MemberPage> {
    await this.row(workspaceId, id);
    let query = this.db
      .selectFrom('audience_members as m')
      .leftJoin('profiles as p', (j) =>
        j.onRef('p.workspace_id', '=', 'm.workspace_id').onRef('p.id', '=', 'm.profile_id'),
      )
      .select(['m.profile_id', 'p.name', 'm.entered_at'])
      .where('m.workspace_id', '=', workspaceId)
      .where('m.audience_id', '=', id);
    if (q.after) query = query.where('m.profile_id', '>', q.after);
    const rows = await query
      .orderBy('m.profile_id')
      .limit(q.limit + 1)
      .execute();
    const page = rows.slice(0, q.limit);
    return {
      items: page.map((r) => ({ profileId: r.profile_id, name: r.name, enteredAt: iso(r.entered_at) })),
      next: rows.length > q.limit ? page[page.length - 1].profile_id : null,
    };
  }

  async changes(
    workspaceId: string,
    q: { after?: string; audienceId?: string; profileId?: string; limit: number },
  ): Promise<ChangePage> {
    let query = this.db.selectFrom('audience_changes').selectAll().where('workspace_id', '=', workspaceId);
    if (q.after) query = query.where('seq', '>', q.after);
    if (q.audienceId) query = query.where('audience_id', '=', q.audienceId);
    if (q.profileId) query = query.where('profile_id', '=', q.profileId);
    const rows = await query.orderBy('seq').limit(q.limit).execute();
    return {
      items: rows.map(toChange),
      next: rows.length === q.limit ? String(rows[rows.length - 1].seq) : null,
    };
  }

  /** Size at the end of each of the last `days` days (in the workspace's time zone), with entries and exits. */
  async trend(workspaceId: string, id: string, days: number): Promise<AudienceTrend> {
    const row = await this.row(workspaceId, id);
    const { rows } = await sql<{ day: string; entered: number; exited: number }>`
      with days as (
        select (d::date)::text as day from generate_series(
          (now() at time zone ${this.timeZone})::date - ${days - 1}::int,
          (now() at time zone ${this.timeZone})::date, interval '1 day') d
      )
      select d.day,
             count(c.seq) filter (where c.change = 'enter')::int as entered,
             count(c.seq) filter (where c.change = 'exit')::int as exited
        from days d
        left join audience_changes c on c.workspace_id = ${workspaceId} and c.audience_id = ${id}
         and (c.at at time zone ${this.timeZone})::date = d.day::date
       group by d.day order by d.day`.execute(this.db);
    const { rows: after } = await sql<{ net: number }>`
      select coalesce(sum(case change when 'enter' then 1 else -1 end), 0)::int as net from audience_changes
       where workspace_id = ${workspaceId} and audience_id = ${id}
         and (at at time zone ${this.timeZone})::date > (now() at time zone ${this.timeZone})::date`.execute(
      this.db,
    );
    // walk back from today's size: the size at the end of day D = size now − net change after D
    let size = row.size - after[0].net;
    const points = [];
    for (let i = rows.length - 1; i >= 0; i--) {
      points.unshift({ day: rows[i].day, size, entered: rows[i].entered, exited: rows[i].exited });
      size -= rows[i].entered - rows[i].exited;
    }
    return { points };
  }

  async overlap(workspaceId: string, ids: readonly string[]): Promise<AudienceOverlap> {
    const rows = await Promise.all(ids.map((id) => this.row(workspaceId, id)));
    const { rows: pairs } = await sql<{ a: string; b: string; both: number }>`
      select a.audience_id as a, b.audience_id as b, count(*)::int as both
        from audience_members a
        join audience_members b on b.workspace_id = a.workspace_id and b.profile_id = a.profile_id
                               and b.audience_id > a.audience_id
       where a.workspace_id = ${workspaceId}
         and a.audience_id in (select unnest(${ids}::text[])) and b.audience_id in (select unnest(${ids}::text[]))
       group by 1, 2`.execute(this.db);
    const found = new Map(pairs.map((p) => [`${p.a}|${p.b}`, p.both]));
    const sorted = [...new Set(ids)].sort();
    const out: AudienceOverlap['pairs'] = [];
    for (let i = 0; i < sorted.length; i++)
      for (let j = i + 1; j < sorted.length; j++)
        out.push({ a: sorted[i], b: sorted[j], both: found.get(`${sorted[i]}|${sorted[j]}`) ?? 0 });
    return { audiences: rows.map((r) => ({ id: r.id, name: r.name, size: r.size })), pairs: out };
  }

  /** Why a person is (not) in an audience: per condition what held and what was seen, plus the last change. */
  async explain(workspaceId: string, audienceId: string, profileId: string): Promise<MembershipExplanation> {
    const row = await this.row(workspaceId, audienceId);
    const rule = toRule(row);
    const asOf = new Date();
    const snapshot = await loadSnapshot(this.db, workspaceId, profileId, dependenciesOf(row));
    if (!snapshot) throw profileNotFound(profileId);
    const member = await this.db
      .selectFrom('audience_members')
      .select('entered_at')
      .where('workspace_id', '=', workspaceId)
      .where('audience_id', '=', audienceId)
      .where('profile_id', '=', profileId)
      .executeTakeFirst();
    const last = await this.db
      .selectFrom('audience_changes')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('audience_id', '=', audienceId)
      .where('profile_id', '=', profileId)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    const matches = await selects(this.db, rule, { asOf, timeZone: this.timeZone }, profileId);
    const explained = rule.definition
      ? evaluate(rule.definition, snapshot, { asOf, timeZone: this.timeZone })
      : null;
    return {
      audienceId,
      profileId,
      member: member !== undefined,
      matches,
      enteredAt: member ? iso(member.entered_at) : null,
      explanation: explained ? (explained.explanation as MembershipExplanation['explanation']) : null,
      matchedIdentifiers: rule.definition
        ? null
        : await repo.matchedKeys(this.db, workspaceId, audienceId, profileId),
      lastChange: last ? toChange(last) : null,
    };
  }

  async profileAudiences(workspaceId: string, profileId: string): Promise<ProfileAudiences> {
    const rows = await this.db
      .selectFrom('audience_members as m')
      .innerJoin('audiences as a', (j) =>
        j.onRef('a.workspace_id', '=', 'm.workspace_id').onRef('a.id', '=', 'm.audience_id'),
      )
      .select(['m.audience_id', 'a.name', 'm.entered_at'])
      .where('m.workspace_id', '=', workspaceId)
      .where('m.profile_id', '=', profileId)
      .orderBy('a.name')
      .execute();
    return {
      items: rows.map((r) => ({ audienceId: r.audience_id, name: r.name, enteredAt: iso(r.entered_at) })),
    };
  }
}

function toChange(r: {
  seq: string;
  audience_id: string;
  profile_id: string;
  change: string;
  at: Date;
  cause: unknown;
}): AudienceChange {
  return {
    seq: String(r.seq),
    audienceId: r.audience_id,
    profileId: r.profile_id,
    change: r.change as AudienceChange['change'],
    at: iso(r.at),
    cause: r.cause as Record<string, unknown>,
  };
}
