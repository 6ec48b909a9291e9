import {
  ConflictList,
  DataQuality,
  DataQualityQuery,
  IdentityRules,
  IdentitySettings,
  IdParams,
  MatchCandidate,
  MatchList,
  MatchQuery,
  MatchRunResult,
  RuleImpact,
} from '@cdp/protocol';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { HttpServer } from '../../platform/http/http-server.ts';
import { principalOf } from '../auth/index.ts';
import { parseIdentifierKey } from './evidence/observation-set.ts';
import type { IdentityTables } from './identity.tables.ts';
import { graphRepository } from './identity-graph.repository.ts';
import { loadIdentitySettings } from './identity-settings.repository.ts';
import { matchCandidates } from './match-candidates.repository.ts';

/** Rule changes re-read history across identity and profiles (flows/identity-rules.flow.ts). */
export interface IdentityRuleActions {
  readonly simulate: (workspaceId: string, rules: IdentityRules) => Promise<RuleImpact>;
  readonly publish: (workspaceId: string, rules: IdentityRules) => Promise<RuleImpact>;
  readonly runMatching: (workspaceId: string) => Promise<MatchRunResult>;
  readonly decideMatch: (
    workspaceId: string,
    id: string,
    decision: 'accept' | 'reject',
    actor: string | null,
  ) => Promise<MatchCandidate>;
}

/** Identity rules (types, priorities, limits, junk values) with simulation; conflicts; data quality. */
export function identityRoutes(
  app: HttpServer,
  db: Kysely<IdentityTables>,
  actions: IdentityRuleActions,
): void {
  const tags = ['identity'];
  app.get(
    '/identity/settings',
    {
      config: { permission: 'profiles:read' },
      schema: {
        tags,
        summary: 'Identifier types in force (built-in defaults until rules are published)',
        response: { 200: IdentitySettings },
      },
    },
    async (request) =>
      loadIdentitySettings(db, principalOf(request).workspaceId) as Promise<IdentitySettings>,
  );
  app.post(
    '/identity/settings/simulate',
    {
      config: { permission: 'profiles:read' },
      schema: {
        tags,
        summary: 'How many profiles new rules would merge or split, over all history (nothing is changed)',
        body: IdentityRules,
        response: { 200: RuleImpact },
      },
    },
    (request) => actions.simulate(principalOf(request).workspaceId, request.body),
  );
  app.put(
    '/identity/settings',
    {
      config: { permission: 'identity:write' },
      schema: {
        tags,
        summary: 'Publish identity rules and apply them to history',
        body: IdentityRules,
        response: { 200: RuleImpact },
      },
    },
    (request) => actions.publish(principalOf(request).workspaceId, request.body),
  );
  app.get(
    '/identity/conflicts',
    {
      config: { permission: 'profiles:read' },
      schema: {
        tags,
        summary: 'Recent identifiers left out of profiles (limits, junk), newest first',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
        response: { 200: ConflictList },
      },
    },
    async (request) => {
      const rows = await graphRepository.recentConflicts(
        db,
        principalOf(request).workspaceId,
        request.query.limit,
      );
      return {
        items: rows.map((r) => ({
          evidenceId: r.evidence_id,
          reason: r.reason as 'limit_exceeded' | 'junk',
          leftOut: r.left_out.map(parseIdentifierKey),
          profileId: r.profile_id,
          at: new Date(r.at).toISOString(),
        })),
      };
    },
  );
  app.get(
    '/data-quality',
    {
      config: { permission: 'profiles:read' },
      schema: {
        tags,
        summary: 'Data-quality counts per source (invalid phones and emails, junk and missing identifiers)',
        querystring: DataQualityQuery,
        response: { 200: DataQuality },
      },
    },
    async (request) => {
      const since = new Date(Date.now() - request.query.days * 86_400_000).toISOString().slice(0, 10);
      const rows = await graphRepository.qualitySince(db, principalOf(request).workspaceId, since);
      return {
        items: rows.map((r) => ({ sourceId: r.source_id, metric: r.metric, count: Number(r.count) })),
      };
    },
  );
  app.post(
    '/identity/matching/run',
    {
      config: { permission: 'identity:write' },
      schema: {
        tags,
        summary: 'Probabilistic matching over profiles: auto-merge confident pairs, queue the review band',
        response: { 200: MatchRunResult },
      },
    },
    (request) => actions.runMatching(principalOf(request).workspaceId),
  );
  app.get(
    '/identity/matches',
    {
      config: { permission: 'profiles:read' },
      schema: {
        tags,
        summary: 'Scored pairs by status (the review queue is `pending`), most likely first',
        querystring: MatchQuery,
        response: { 200: MatchList },
      },
    },
    async (request) => ({
      items: await matchCandidates.list(
        db,
        principalOf(request).workspaceId,
        request.query.status,
        request.query.limit,
      ),
    }),
  );
  for (const decision of ['accept', 'reject'] as const)
    app.post(
      `/identity/matches/:id/${decision}`,
      {
        config: { permission: 'profiles:write' },
        schema: {
          tags,
          summary:
            decision === 'accept'
              ? 'Accept a queued pair: link the two profiles'
              : 'Reject a queued pair: never suggested again',
          params: IdParams,
          response: { 200: MatchCandidate },
        },
      },
      (request) => {
        const principal = principalOf(request);
        return actions.decideMatch(principal.workspaceId, request.params.id, decision, principal.id);
      },
    );
}
