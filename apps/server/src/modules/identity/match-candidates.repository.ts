import type { MatchCandidate } from '@cdp/protocol';
import { type Kysely, sql } from 'kysely';
import { parseIdentifierKey } from './evidence/observation-set.ts';
import type { IdentityTables } from './identity.tables.ts';

type Db = Kysely<IdentityTables>;

export interface CandidateWrite {
  readonly id: string;
  readonly leftKey: string;
  readonly rightKey: string;
  readonly leftProfile: string;
  readonly rightProfile: string;
  readonly probability: number;
  readonly score: number;
  readonly explanation: unknown;
  readonly status: 'pending' | 'auto_merged';
}

const toCandidate = (r: {
  id: string;
  left_key: string;
  right_key: string;
  left_profile: string;
  right_profile: string;
  probability: number;
  score: number;
  explanation: unknown;
  status: string;
  created_at: Date;
  decided_at: Date | null;
}): MatchCandidate => ({
  id: r.id,
  left: parseIdentifierKey(r.left_key),
  right: parseIdentifierKey(r.right_key),
  leftProfileId: r.left_profile,
  rightProfileId: r.right_profile,
  probability: Number(r.probability),
  score: Number(r.score),
  explanation: r.explanation as MatchCandidate['explanation'],
  status: r.status as MatchCandidate['status'],
  createdAt: new Date(r.created_at).toISOString(),
  decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
});

/** The review queue of probabilistic matches, and the record of auto-merged ones. */
export const matchCandidates = {
  /** Adds new pairs; a pair already known (decided or waiting) keeps its state. Returns ids added. */
  async add(db: Db, workspaceId: string, rows: readonly CandidateWrite[]): Promise<Set<string>> {
    const added = new Set<string>();
    for (let i = 0; i < rows.length; i += 2000) {
      const { rows: inserted } = await sql<{ id: string }>`
        insert into identity_match_candidates
          (id, workspace_id, left_key, right_key, left_profile, right_profile, probability, score, explanation, status)
        select id, ${workspaceId}, "leftKey", "rightKey", "leftProfile", "rightProfile", probability, score, explanation, status
          from jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + 2000))}::jsonb)
            as c(id text, "leftKey" text, "rightKey" text, "leftProfile" text, "rightProfile" text,
                 probability float8, score float8, explanation jsonb, status text)
        on conflict (workspace_id, left_key, right_key) do nothing
        returning id`.execute(db);
      for (const r of inserted) added.add(r.id);
    }
    return added;
  },

  async list(db: Db, workspaceId: string, status: string, limit: number): Promise<MatchCandidate[]> {
    const rows = await db
      .selectFrom('identity_match_candidates')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('status', '=', status)
      .orderBy('probability', 'desc')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(toCandidate);
  },

  async get(db: Db, workspaceId: string, id: string): Promise<MatchCandidate | null> {
    const row = await db
      .selectFrom('identity_match_candidates')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    return row ? toCandidate(row) : null;
  },

  async decide(db: Db, workspaceId: string, id: string, status: 'merged' | 'rejected', by: string | null) {
    await db
      .updateTable('identity_match_candidates')
      .set({ status, decided_by: by, decided_at: new Date() })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .execute();
  },
};
