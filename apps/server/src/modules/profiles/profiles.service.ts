import type {
  LinkExplanation,
  Profile,
  ProfileGraph,
  ProfileHistory,
  ProfileList,
  ProfileSearchQuery,
  TimelinePage,
  TimelineQuery,
} from '@cdp/protocol';
import type { Kysely } from 'kysely';
import { GroupCommitter, OverloadedError } from '../../platform/db/group-commit.ts';
import {
  explainLink,
  type IdentifierType,
  type IdentityTables,
  identifierKey,
  likelyE164,
  loadIdentitySettings,
  normalizeIdentifier,
  parseIdentifierKey,
  resolveComponent,
} from '../identity/index.ts';
import { identifierNotFound, invalidIdentifier, profileNotFound, tooManyLookups } from './profiles.errors.ts';
import { ProfilesRepository, type ProfileWanted } from './profiles.repository.ts';
import type { ProfilesTables } from './profiles.tables.ts';

/** Whose events make a profile's timeline. */
export interface TimelineOwner {
  readonly userIds: readonly string[];
  readonly anonymousIds: readonly string[];
  readonly keys: readonly string[];
}
export type TimelineReader = (
  workspaceId: string,
  owner: TimelineOwner,
  query: TimelineQuery,
) => Promise<TimelinePage>;

const iso = (d: Date | string) => new Date(d).toISOString();
const SETTINGS_CACHE_MS = 5_000;

/** A profile as the API's JSON text: sent as is (see ProfilesRepository.profilesJson). */
export type ProfileJsonText = string & { readonly __profileJson: true };

const SEARCH_TYPES: Record<string, readonly string[]> = {
  phone: ['phone'],
  email: ['email'],
  member_id: ['member_id'],
  user_id: ['user_id'],
};

/** Reads profiles: by id or identifier, search, timeline, history, and their identity graph. */
export class ProfilesService {
  private readonly repo: ProfilesRepository;
  private readonly byId: GroupCommitter<ProfileWanted, string | undefined>;
  private readonly byKey: GroupCommitter<ProfileWanted, string | undefined>;
  private readonly settings = new Map<string, { types: readonly IdentifierType[]; until: number }>();

  constructor(
    private readonly db: Kysely<ProfilesTables & IdentityTables>,
    private readonly timelineReader: TimelineReader,
  ) {
    this.repo = new ProfilesRepository(db);
    const batched = (by: 'id' | 'key') =>
      new GroupCommitter<ProfileWanted, string | undefined>((w) => this.repo.profilesJson(by, w), {
        maxBatch: 256,
        maxPending: 50_000,
        concurrency: 2,
      });
    this.byId = batched('id');
    this.byKey = batched('key');
  }

  /** A profile's JSON by id or identifier key; concurrent reads go to the database together. */
  private async profileWith(workspaceId: string, by: { id: string } | { key: string }) {
    const wanted = { workspaceId, value: 'id' in by ? by.id : by.key };
    try {
      const [json] = await ('id' in by ? this.byId : this.byKey).submit([wanted]);
      return json;
    } catch (err) {
      throw err instanceof OverloadedError ? tooManyLookups() : err;
    }
  }

  /** The live id for `id` (following a merge's redirect), or 404. */
  private async liveId(workspaceId: string, id: string): Promise<string> {
    if (await this.repo.profile(workspaceId, id)) return id;
    const redirected = await this.repo.resolveId(workspaceId, id);
    if (redirected && (await this.repo.profile(workspaceId, redirected))) return redirected;
    throw profileNotFound(id);
  }

  async get(workspaceId: string, id: string): Promise<Profile> {
    return JSON.parse(await this.getJson(workspaceId, id)) as Profile;
  }

  /** A profile by id (a merged-away id gives the surviving profile, `redirectedFrom` set) as JSON text. */
  async getJson(workspaceId: string, id: string): Promise<ProfileJsonText> {
    const json = await this.profileWith(workspaceId, { id });
    if (json) return json as ProfileJsonText;
    const live = await this.profileWith(workspaceId, { id: await this.liveId(workspaceId, id) });
    if (!live) throw profileNotFound(id);
    return JSON.stringify({ ...JSON.parse(live), redirectedFrom: id }) as ProfileJsonText;
  }

  /** Identifier types, re-read at most every SETTINGS_CACHE_MS (lookups are hot; rules change rarely). */
  private async types(workspaceId: string): Promise<readonly IdentifierType[]> {
    const cached = this.settings.get(workspaceId);
    if (cached && cached.until > Date.now()) return cached.types;
    const { types } = await loadIdentitySettings(this.db, workspaceId);
    this.settings.set(workspaceId, { types, until: Date.now() + SETTINGS_CACHE_MS });
    return types;
  }

  /** Drops cached identifier types after rules were published in this process. */
  forgetSettings(workspaceId: string): void {
    this.settings.delete(workspaceId);
  }

  /** The canonical key of an identifier as typed (`138 0013 8000` → `phone:+8613800138000`). */
  async canonicalKey(workspaceId: string, type: string, value: string): Promise<string> {
    const types = await this.types(workspaceId);
    const definition = types.find((t) => t.name === type);
    const result = normalizeIdentifier(type, value, { definition });
    if (!result.valid || result.value === null) throw invalidIdentifier(type, result.reason ?? 'invalid');
    return identifierKey({ type, value: result.value });
  }

  async lookup(workspaceId: string, type: string, value: string): Promise<Profile> {
    return JSON.parse(await this.lookupJson(workspaceId, type, value)) as Profile;
  }

  /** The profile of an identifier as JSON text (the value normalised like incoming data). */
  async lookupJson(workspaceId: string, type: string, value: string): Promise<ProfileJsonText> {
    // a phone as typed usually has a cheap canonical form; when that is stored, it is the answer
    const guess = await this.likelyKey(workspaceId, type, value);
    const hit = guess ? await this.profileWith(workspaceId, { key: guess }) : undefined;
    if (hit) return hit as ProfileJsonText;
    const key = await this.canonicalKey(workspaceId, type, value).catch(() => `${type}:${value}`);
    const json =
      (await this.profileWith(workspaceId, { key })) ??
      (key === `${type}:${value}`
        ? undefined
        : await this.profileWith(workspaceId, { key: `${type}:${value}` }));
    if (!json) throw identifierNotFound(type, value);
    return json as ProfileJsonText;
  }

  private async likelyKey(workspaceId: string, type: string, value: string): Promise<string | null> {
    const definition = (await this.types(workspaceId)).find((t) => t.name === type);
    const e164 = definition?.format === 'phone' ? likelyE164(value) : null;
    return e164 === null ? null : identifierKey({ type, value: e164 });
  }

  async search(workspaceId: string, q: ProfileSearchQuery): Promise<ProfileList> {
    const prefix = q.match === 'prefix';
    const ids = new Set<string>();
    const add = (list: string[]) => {
      for (const id of list) if (ids.size < q.limit) ids.add(id);
    };
    if (q.field === 'any' || q.field === 'name')
      add(await this.repo.byName(workspaceId, q.q, prefix, q.limit));
    for (const [field, types] of Object.entries(SEARCH_TYPES)) {
      if (q.field !== 'any' && q.field !== field) continue;
      for (const value of searchValues(field, q.q, prefix))
        add(await this.repo.byIdentifier(workspaceId, types, value, prefix, q.limit));
    }
    const rows = await this.repo.profiles(workspaceId, [...ids]);
    const identifiers = await this.repo.identifiers(workspaceId, [...ids]);
    return {
      items: rows.map((r) => ({
        id: r.id,
        name: r.name,
        firstSeenAt: iso(r.first_seen_at),
        updatedAt: iso(r.updated_at),
        identifiers: identifiers
          .filter((i) => i.profile_id === r.id)
          .map((i) => ({ type: i.type, value: i.value })),
      })),
    };
  }

  async timeline(workspaceId: string, id: string, query: TimelineQuery): Promise<TimelinePage> {
    const live = await this.liveId(workspaceId, id);
    const identifiers = await this.repo.identifiers(workspaceId, [live]);
    const of = (type: string) => identifiers.filter((i) => i.type === type).map((i) => i.value);
    return this.timelineReader(
      workspaceId,
      {
        userIds: of('user_id'),
        anonymousIds: of('anonymous_id'),
        keys: identifiers.map((i) => `${i.type}:${i.value}`),
      },
      query,
    );
  }

  async history(workspaceId: string, id: string): Promise<ProfileHistory> {
    const live = await this.liveId(workspaceId, id);
    const rows = await this.repo.history(workspaceId, live);
    return {
      items: rows.map((r) => ({
        id: String(r.id),
        kind: r.kind as ProfileHistory['items'][number]['kind'],
        details: r.details as Record<string, unknown>,
        at: iso(r.at),
      })),
    };
  }

  /** The profile's identifiers, the evidence that links them, and what its evidence left out. */
  async graph(workspaceId: string, id: string): Promise<ProfileGraph> {
    const live = await this.liveId(workspaceId, id);
    const identifiers = await this.repo.identifiers(workspaceId, [live]);
    const keys = new Set(identifiers.map((i) => `${i.type}:${i.value}`));
    const types = await this.types(workspaceId);
    const { resolution } = await resolveComponent(this.db, workspaceId, keys, types);
    const conflicts = await this.repo.conflicts(workspaceId, live);
    return {
      profileId: live,
      identifiers: identifiers.map((i) => ({
        type: i.type,
        value: i.value,
        firstSeenAt: iso(i.first_seen_at),
      })),
      links: resolution.links
        .filter((l) => l.identifiers.some((i) => keys.has(identifierKey(i))))
        .map((l) => ({
          evidenceId: l.observationId,
          kind: l.kind,
          at: l.at,
          identifiers: [...l.identifiers],
        })),
      conflicts: conflicts.map((c) => ({
        evidenceId: c.evidence_id,
        reason: c.reason as 'limit_exceeded' | 'junk',
        leftOut: c.left_out.map(parseIdentifierKey),
        at: iso(c.at),
      })),
    };
  }

  /** Why two identifiers are in this profile: the chain of evidence between them. */
  async explain(workspaceId: string, id: string, from: string, to: string): Promise<LinkExplanation> {
    const live = await this.liveId(workspaceId, id);
    const [a, b] = [parseIdentifierKey(from), parseIdentifierKey(to)];
    const types = await this.types(workspaceId);
    const { resolution } = await resolveComponent(this.db, workspaceId, [from, to], types);
    const path = explainLink(resolution, a, b);
    return {
      profileId: live,
      from: a,
      to: b,
      linked: path !== null,
      path: (path ?? []).map((s) => ({
        evidenceId: s.observationId,
        kind: s.kind,
        at: s.at,
        from: s.from,
        to: s.to,
      })),
    };
  }
}

/** Phone prefixes as people type them (`138…`, `+86138…`, `86138…`) searched in E.164. */
function searchValues(field: string, q: string, prefix: boolean): string[] {
  if (field === 'email') return [q.toLowerCase()];
  if (field !== 'phone') return [q];
  const digits = q.replace(/[\s\-()]/g, '');
  if (!/^\+?\d+$/.test(digits)) return [];
  if (digits.startsWith('+')) return [digits];
  if (!prefix) {
    const full = normalizeIdentifier('phone', digits);
    return full.valid && full.value ? [full.value] : [];
  }
  return [`+86${digits}`, `+${digits}`];
}
