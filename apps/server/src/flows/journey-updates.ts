import type { Kysely } from 'kysely';
import type { Database } from '../database.ts';
import type { IngestService } from '../modules/ingest/index.ts';
import type { JourneyAction } from '../modules/journeys/index.ts';
import type { SourcesService } from '../modules/sources/index.ts';
import type { TagsService } from '../modules/traits/index.ts';

/** The source journey-made updates arrive from (created on first use). */
const JOURNEY_SOURCE = 'journeys';
/** Identifier types an identify can name a person by, best first (scoped OpenIDs are left out). */
const BY_TRAIT = ['member_id', 'phone', 'email', 'wechat_unionid'];

/**
 * A journey step's update of a trait or tag, through the product's own paths so that identity,
 * survivorship, history and real-time audiences treat it like any other data: a trait as an
 * identify from the `journeys` source (messageId = the step's key, so a retry is a duplicate), a
 * tag as a merge of one row into an imported tag.
 */
export function journeyUpdates(
  db: Kysely<Database>,
  ingest: IngestService,
  sources: SourcesService,
  tags: TagsService,
) {
  return async (
    workspaceId: string,
    profileId: string,
    key: string,
    action: JourneyAction,
  ): Promise<void> => {
    const identifiers = await db
      .selectFrom('identity_nodes')
      .select(['type', 'value'])
      .where('workspace_id', '=', workspaceId)
      .where('profile_id', '=', profileId)
      .execute();
    const of = (type: string) => identifiers.find((i) => i.type === type)?.value;
    if (action.type === 'tag') {
      const id = ['user_id', ...BY_TRAIT, 'anonymous_id'].map((t) => [t, of(t)] as const).find(([, v]) => v);
      if (!id) throw new Error('the profile has no identifier a tag can be imported by');
      await tags.import(workspaceId, action.name, {
        mode: 'merge',
        rows: [{ identifierType: id[0], identifier: id[1] as string, value: action.value }],
      });
      return;
    }
    const traits: Record<string, unknown> = { [action.name]: action.value };
    const userId = of('user_id');
    const anonymousId = userId ? undefined : of('anonymous_id');
    if (!userId && !anonymousId) {
      const named = BY_TRAIT.find((t) => of(t));
      if (!named) throw new Error('the profile has no identifier an identify can name');
      traits[named] = of(named);
    }
    const existing = (await sources.list(workspaceId)).find((s) => s.name === JOURNEY_SOURCE);
    const source = existing ?? (await sources.create(workspaceId, { name: JOURNEY_SOURCE, type: 'server' }));
    const ref = { id: source.id, workspaceId, name: source.name, enabled: source.enabled };
    const envelope = { receivedAt: new Date(), requestIp: null, userAgent: null, identityInTraits: true };
    const [result] = (
      await ingest.ingestEach(
        ref,
        [{ type: 'identify', messageId: key.slice(0, 100), userId, anonymousId, traits }],
        null,
        envelope,
      )
    ).results;
    if (result !== 'stored' && result !== 'duplicate')
      throw new Error(`the update was not accepted: ${result}`);
  };
}
