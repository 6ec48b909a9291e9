import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Definition } from '@cdp/protocol';
import { sql } from 'kysely';
import { evaluate, selectProfileIds } from '../src/modules/query/index.ts';
import {
  type FixtureProfile,
  insertProfiles,
  snapshotOf,
} from '../src/modules/query/query-fixtures.test-helper.ts';
import { backends, type OpenedDatabase, openFreshDatabase } from './support/backends.ts';

const HOSTILE = [
  "'; drop table profiles; --",
  "a' or '1'='1",
  '"; drop table events; --',
  'back\\slash\\',
  '\\x27',
  '$1',
  '$$ or 1=1 $$',
  '‘unicode’ “quotes” ＇',
  '50%_off',
  '%',
  '_',
  ')) or true --',
  '{"a": 1}',
];

const none = { events: [], identifiers: [], tags: {}, audiences: [] };
const PEOPLE: FixtureProfile[] = HOSTILE.map((text, i) => ({
  ...none,
  id: `p${i}`,
  traits: { note: text, $1: text },
  events: [
    { type: 'track', event: 'Note', timestamp: new Date('2026-03-01T00:00:00Z'), properties: { note: text } },
  ],
  tags: { label: text },
}));
PEOPLE.push({ ...none, id: "p'; drop table profiles; --", traits: { note: 'plain' } });

const asOf = new Date('2026-03-10T04:00:00Z');

describe('query injection: names are rejected by the schema', () => {
  const bad = [
    "'; drop table profiles; --",
    'a"b',
    'back\\slash',
    'nul\u0000',
    '‘quoted’',
    '50%',
    'a/b',
    'x;y',
    '(',
    '*',
  ];

  for (const name of bad)
    it(`rejects ${JSON.stringify(name)} as trait, property key, event name, tag, audience and identifier type`, () => {
      const cases: [unknown, RegExp][] = [
        [{ kind: 'trait', trait: name, test: { operator: 'exists' } }, /trait name must/],
        [
          {
            kind: 'event',
            where: [{ path: ['ok', name], test: { operator: 'exists' } }],
            measure: { type: 'did' },
          },
          /property path key must/,
        ],
        [{ kind: 'event', event: name, measure: { type: 'did' } }, /event name must/],
        [{ kind: 'tag', tag: name, test: { operator: 'exists' } }, /tag id must/],
        [{ kind: 'audience', audience: name, member: true }, /audience id must/],
        [{ kind: 'identifier', identifierType: name, has: true }, /identifier type must/],
        [
          { kind: 'identifier', identifierType: 'wechat_openid', scope: name, has: true },
          /identifier scope must/,
        ],
      ];
      for (const [input, message] of cases) {
        const result = Definition.safeParse(input);
        assert.equal(result.success, false);
        assert.match(result.error!.issues.map((i) => i.message).join(), message);
      }
    });

  it('rejects values PostgreSQL could not hold (NUL, unpaired surrogates) with a clear message', () => {
    for (const value of ['a\u0000b', 'a\ud800b'])
      assert.match(
        Definition.safeParse({ kind: 'trait', trait: 'note', test: { operator: 'equals', value } }).error!
          .issues[0].message,
        /NUL characters or unpaired surrogates/,
      );
  });
});

for (const backend of backends()) {
  describe(`query injection: values are parameters on ${backend}`, () => {
    let handle: OpenedDatabase<unknown>;
    const options = { workspaceId: "ws'; drop table profiles; --", asOf, timeZone: 'Asia/Shanghai' };

    before(async () => {
      handle = await openFreshDatabase<unknown>(backend);
      await insertProfiles(handle.db, options.workspaceId, PEOPLE);
    });
    after(async () => {
      await handle?.drop();
    });

    /** The ids SQL selects, asserted equal to the matcher's. */
    async function select(input: unknown): Promise<string[]> {
      const tree = Definition.parse(input);
      const ids = (await handle.db.executeQuery(selectProfileIds(tree, options))).rows
        .map((r) => r.id)
        .sort();
      const expected = PEOPLE.filter((p) => evaluate(tree, snapshotOf(p), options).matched)
        .map((p) => p.id)
        .sort();
      assert.deepEqual(ids, expected);
      return ids;
    }

    it('matches each hostile value exactly once, as plain text, on traits, properties and tags', async () => {
      for (const [i, text] of HOSTILE.entries()) {
        const test = { operator: 'equals', value: text };
        assert.deepEqual(await select({ kind: 'trait', trait: 'note', test }), [`p${i}`]);
        assert.deepEqual(await select({ kind: 'trait', trait: '$1', test }), [`p${i}`]);
        assert.deepEqual(await select({ kind: 'tag', tag: 'label', test }), [`p${i}`]);
        const filter = { path: ['note'], test };
        assert.deepEqual(
          await select({ kind: 'event', event: 'Note', where: [filter], measure: { type: 'did' } }),
          [`p${i}`],
        );
      }
    });

    it('treats % and _ literally in contains, starts with and ends with', async () => {
      const text = (operator: string, value: string) => ({
        kind: 'trait',
        trait: 'note',
        test: { operator, value },
      });
      assert.deepEqual(await select(text('contains', '%_')), ['p8']);
      assert.deepEqual(await select(text('starts_with', '%')), ['p9']);
      assert.deepEqual(await select(text('ends_with', '_')), ['p10']);
      assert.deepEqual(await select(text('contains', '\\')), ['p3', 'p4']);
      assert.deepEqual(await select(text('contains', '’')), ['p7']);
      assert.deepEqual(await select(text('starts_with', "'")), ['p0']);
    });

    it('passes lists of hostile values as one array parameter', async () => {
      const values = [HOSTILE[0], HOSTILE[5], 'nobody'];
      assert.deepEqual(await select({ kind: 'trait', trait: 'note', test: { operator: 'in', values } }), [
        'p0',
        'p5',
      ]);
    });

    it('leaves every table intact', async () => {
      const { rows } = await sql<{ profiles: number; events: number }>`select
        (select count(*)::int from profiles) as profiles, (select count(*)::int from events) as events`.execute(
        handle.db,
      );
      assert.deepEqual(rows, [{ profiles: PEOPLE.length, events: HOSTILE.length }]);
    });
  });
}
