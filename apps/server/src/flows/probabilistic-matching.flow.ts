import { hash } from 'node:crypto';
import type { MatchCandidate, MatchRunResult } from '@cdp/protocol';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../database.ts';
import {
  applyEvidence,
  type CandidateWrite,
  type Evidence,
  type GraphUpdate,
  loadIdentitySettings,
  matchCandidates,
  matchDecided,
  matching,
  matchNotFound,
  parseIdentifierKey,
} from '../modules/identity/index.ts';
import { applyProfileUpdates, loadTraitRules } from '../modules/profiles/index.ts';
import { newId } from '../platform/ids.ts';
import { byPriority } from './event-evidence.ts';
import { followProfiles } from './follow-profiles.ts';
import { lockWorkspaceIdentity } from './identity-lock.ts';

/** Two-character Chinese surnames (复姓) that a naive first-character split would cut. */
const COMPOUND_SURNAMES = new Set(
  '欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 令狐 轩辕 端木 独孤 南宫 西门 百里'.split(
    ' ',
  ),
);
const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** A profile's traits as a record to compare (see PERSON_MATCH_CONFIG's columns). */
export function toMatchRecord(id: string, traits: Record<string, unknown>): matching.MatchRecord | null {
  let surname = text(traits.last_name);
  let given = text(traits.first_name);
  const name = text(traits.name);
  if (!surname && name) {
    if (/\s/.test(name)) [surname, given] = [name.split(/\s+/)[0], name.split(/\s+/).slice(1).join(' ')];
    else {
      const cut = COMPOUND_SURNAMES.has(name.slice(0, 2)) && name.length > 2 ? 2 : 1;
      [surname, given] = [name.slice(0, cut), name.slice(cut)];
    }
  }
  const record = {
    id,
    surname,
    given_name: given,
    birth_date: text(traits.birthday),
    phone: text(traits.phone)?.startsWith('+') ? text(traits.phone) : null,
    email: text(traits.email),
    city: text(traits.city),
    address: text(traits.address),
  };
  const comparable = [record.birth_date, record.phone, record.email, record.address].filter(Boolean).length;
  return surname && comparable > 0 ? record : null;
}

async function applyLinks(
  db: Kysely<Database>,
  workspaceId: string,
  evidence: readonly Evidence[],
  timeZone: string | undefined,
) {
  const { types } = await loadIdentitySettings(db, workspaceId);
  const update: GraphUpdate = await applyEvidence(db, workspaceId, evidence, byPriority(types));
  const changed = await applyProfileUpdates(
    db,
    workspaceId,
    update,
    [],
    await loadTraitRules(db, workspaceId),
  );
  await followProfiles(db, workspaceId, changed, timeZone);
}

/**
 * Probabilistic matching over a workspace's profiles (records that share no identifier): scores
 * candidate pairs (blocking, EM-estimated Fellegi-Sunter), links pairs above the auto-merge
 * threshold as evidence of kind `probabilistic` (with the score; reversible like any link, by a
 * split), and queues pairs in the review band. Pairs already decided are not asked again.
 */
export async function runProbabilisticMatching(
  db: Kysely<Database>,
  workspaceId: string,
  timeZone?: string,
): Promise<MatchRunResult> {
  return db.transaction().execute(async (transaction) => {
    const tx: Kysely<Database> = transaction;
    await lockWorkspaceIdentity(tx, workspaceId);
    const { types } = await loadIdentitySettings(tx, workspaceId);
    const priority = new Map(types.map((t) => [t.name, t.priority]));
    const { rows } = await sql<{ id: string; traits: Record<string, unknown>; keys: string[] }>`
      select p.id, p.traits, array_agg(n.key) as keys from profiles p
        join identity_nodes n on n.workspace_id = p.workspace_id and n.profile_id = p.id
       where p.workspace_id = ${workspaceId} and p.name is not null
       group by p.id, p.traits order by p.id`.execute(tx);
    const headOf = new Map<string, string>();
    const records: matching.MatchRecord[] = [];
    for (const row of rows) {
      const record = toMatchRecord(row.id, row.traits);
      if (!record) continue;
      const rank = (k: string) => priority.get(parseIdentifierKey(k).type) ?? 0;
      headOf.set(row.id, [...row.keys].sort((a, b) => rank(b) - rank(a) || (a < b ? -1 : 1))[0]);
      records.push(record);
    }
    if (records.length < 2)
      return { records: records.length, candidatePairs: 0, autoMerged: 0, queuedForReview: 0 };
    const run = matching.matchRecords(records, matching.PERSON_MATCH_CONFIG);
    const candidates: CandidateWrite[] = run.pairs.flatMap((pair) => {
      if (pair.decision === 'no_match') return [];
      const [a, b] = [pair.left, pair.right].sort();
      const [leftKey, rightKey] = [headOf.get(a) ?? '', headOf.get(b) ?? ''];
      return [
        {
          id: newId('mtc'),
          leftKey,
          rightKey,
          leftProfile: a,
          rightProfile: b,
          probability: pair.probability,
          score: pair.score,
          explanation: pair.explanation,
          status: pair.decision === 'auto_merge' ? ('auto_merged' as const) : ('pending' as const),
        },
      ];
    });
    const added = await matchCandidates.add(tx, workspaceId, candidates);
    const fresh = candidates.filter((c) => added.has(c.id));
    const now = new Date().toISOString();
    const evidence: Evidence[] = fresh
      .filter((c) => c.status === 'auto_merged')
      .map((c) => ({
        evidenceId: `match/${hash('sha1', `${c.leftKey}|${c.rightKey}`, 'base64url').slice(0, 16)}`,
        kind: 'probabilistic',
        sourceId: null,
        at: now,
        identifiers: [parseIdentifierKey(c.leftKey), parseIdentifierKey(c.rightKey)],
        details: { matchId: c.id, probability: c.probability, score: c.score },
      }));
    await applyLinks(tx, workspaceId, evidence, timeZone);
    return {
      records: records.length,
      candidatePairs: run.candidates.count,
      autoMerged: evidence.length,
      queuedForReview: fresh.length - evidence.length,
    };
  });
}

/** A reviewer's decision on a queued pair: accept links the two (evidence of kind `manual`). */
export async function decideMatch(
  db: Kysely<Database>,
  workspaceId: string,
  id: string,
  decision: 'accept' | 'reject',
  actor: string | null,
  timeZone?: string,
): Promise<MatchCandidate> {
  return db.transaction().execute(async (transaction) => {
    const tx: Kysely<Database> = transaction;
    await lockWorkspaceIdentity(tx, workspaceId);
    const match = await matchCandidates.get(tx, workspaceId, id);
    if (!match) throw matchNotFound(id);
    if (match.status !== 'pending') throw matchDecided(id, match.status);
    if (decision === 'accept')
      await applyLinks(
        tx,
        workspaceId,
        [
          {
            evidenceId: `review/${id}`,
            kind: 'manual',
            sourceId: null,
            at: new Date().toISOString(),
            identifiers: [match.left, match.right],
            details: { matchId: id, probability: match.probability, score: match.score, decidedBy: actor },
          },
        ],
        timeZone,
      );
    await matchCandidates.decide(tx, workspaceId, id, decision === 'accept' ? 'merged' : 'rejected', actor);
    return (await matchCandidates.get(tx, workspaceId, id)) as MatchCandidate;
  });
}
