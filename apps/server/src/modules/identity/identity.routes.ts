import {
  ConflictList,
  DataQuality,
  DataQualityQuery,
  IdentityRules,
  IdentitySettings,
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

/** Rule changes re-read history across identity and profiles (flows/identity-rules.flow.ts). */
export interface IdentityRuleActions {
  readonly simulate: (workspaceId: string, rules: IdentityRules) => Promise<RuleImpact>;
  readonly publish: (workspaceId: string, rules: IdentityRules) => Promise<RuleImpact>;
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
}
