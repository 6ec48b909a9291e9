import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Definition } from '@cdp/protocol';
import { compileDefinition, countProfiles, explainProfiles, selectProfileIds } from './compile-definition.ts';
import { SQL_DATE_TEXT, SQL_HAS_OFFSET } from './date-text.ts';

const asOf = new Date('2026-03-10T04:00:00Z'); // 12:00 on 10 March in Shanghai
const options = { asOf, timeZone: 'Asia/Shanghai' };

/** The predicate's SQL (with the two date patterns abbreviated) and parameters. */
function compile(input: unknown): [string, readonly unknown[]] {
  const { sql, parameters } = compileDefinition(Definition.parse(input), options);
  return [
    sql.replaceAll(`'${SQL_DATE_TEXT}'`, 'DATE').replaceAll(`'${SQL_HAS_OFFSET}'`, 'OFFSET'),
    parameters,
  ];
}

const trait = (test: unknown) => ({ kind: 'trait', trait: 'age', test });
/** A trait test whose name is parameter `$n`. */
const onTrait = (test: string, n = 2) => `(select ${test} from (select p.traits -> $${n}::text as v) as x)`;

describe('compileDefinition: traits', () => {
  it('compares JSON values type-correctly, with the value and the trait name as parameters', () => {
    assert.deepEqual(compile(trait({ operator: 'equals', value: 10 })), [
      onTrait('coalesce(x.v = $1::jsonb, false)'),
      ['10', 'age'],
    ]);
    assert.deepEqual(compile(trait({ operator: 'not_in', values: ['a', 2] })), [
      onTrait('not coalesce(x.v = any($1::jsonb[]), false)'),
      [['"a"', '2'], 'age'],
    ]);
    assert.deepEqual(compile(trait({ operator: 'gte', value: 18 })), [
      onTrait("case when jsonb_typeof(x.v) = 'number' then x.v::numeric >= $1::numeric else false end"),
      [18, 'age'],
    ]);
    assert.deepEqual(compile(trait({ operator: 'exists' })), [
      onTrait("coalesce(jsonb_typeof(x.v) <> 'null', false)", 1),
      ['age'],
    ]);
  });

  it('matches text without LIKE: strpos, starts_with and a reversed starts_with', () => {
    const text = (test: string) =>
      onTrait(`case when jsonb_typeof(x.v) = 'string' then ${test} else false end`);
    assert.deepEqual(compile(trait({ operator: 'contains', value: '50%_' })), [
      text(`strpos(x.v #>> '{}', $1::text) > 0`),
      ['50%_', 'age'],
    ]);
    assert.deepEqual(compile(trait({ operator: 'starts_with', value: 'a' })), [
      text(`starts_with(x.v #>> '{}', $1::text)`),
      ['a', 'age'],
    ]);
    assert.deepEqual(compile(trait({ operator: 'ends_with', value: 'z' })), [
      text(`starts_with(reverse(x.v #>> '{}'), reverse($1::text))`),
      ['z', 'age'],
    ]);
  });

  it('compares date-only operands by local day and date-times by instant, in the given zone', () => {
    const localDay = `(case when (x.v #>> '{}') ~ OFFSET then ((x.v #>> '{}')::timestamptz at time zone $1::text)::date else left(x.v #>> '{}', 10)::date end)`;
    const date = (test: string, n: number) =>
      onTrait(
        `case when jsonb_typeof(x.v) = 'string' and (x.v #>> '{}') ~ DATE then ${test} else false end`,
        n,
      );
    assert.deepEqual(compile(trait({ operator: 'within_last_days', days: 7 })), [
      date(`${localDay} between $2::date and $3::date`, 4),
      ['Asia/Shanghai', '2026-03-03', '2026-03-10', 'age'],
    ]);
    assert.deepEqual(compile(trait({ operator: 'gt', value: '2026-03-01' })), [
      date(`${localDay} >= $2::date`, 3),
      ['Asia/Shanghai', '2026-03-02', 'age'],
    ]);
    const [text, parameters] = compile(trait({ operator: 'lte', value: '2026-03-01T08:00:00+08:00' }));
    assert.match(
      text,
      /then \(x\.v #>> '\{\}'\)::timestamptz else \(x\.v #>> '\{\}'\)::timestamp at time zone \$1::text end\) <= \$2::timestamptz/,
    );
    assert.deepEqual(parameters, ['Asia/Shanghai', '2026-03-01T00:00:00.000000Z', 'age']);
  });

  it('lists the month-days of a birthday window, with 29 February when 28 February is in a non-leap window', () => {
    const [text, parameters] = compile(trait({ operator: 'birthday_within_next_days', days: 2 }));
    assert.match(text, /to_char\(.*, 'MM-DD'\) = any\(\$2::text\[\]\)/);
    assert.deepEqual(parameters, ['Asia/Shanghai', ['03-10', '03-11', '03-12'], 'age']);
    const late = compileDefinition(
      Definition.parse(trait({ operator: 'birthday_within_next_days', days: 1 })),
      {
        asOf: new Date('2027-02-27T12:00:00Z'),
      },
    );
    assert.deepEqual(late.parameters[1], ['02-27', '02-28', '02-29']);
  });
});

describe('compileDefinition: events and sequences', () => {
  const scope = 'from profile_events e where e.workspace_id = p.workspace_id and e.profile_id = p.id and';

  it('did / did not / count, with name, window and a nested property filter as parameters', () => {
    assert.deepEqual(compile({ kind: 'event', event: 'Order Completed', measure: { type: 'did' } }), [
      `exists (select 1 ${scope} e.event = $1::text)`,
      ['Order Completed'],
    ]);
    assert.deepEqual(compile({ kind: 'event', measure: { type: 'did_not' } }), [
      `not exists (select 1 ${scope} true)`,
      [],
    ]);
    const [text, parameters] = compile({
      kind: 'event',
      event: 'Buy',
      where: [{ path: ['item', 'sku'], test: { operator: 'equals', value: "x'; drop table profiles; --" } }],
      window: { type: 'last_days', days: 30 },
      measure: { type: 'count', operator: 'at_least', value: 3 },
    });
    assert.equal(
      text,
      `(select count(*) ${scope} e.event = $1::text and e."timestamp" >= $2::timestamptz and e."timestamp" < $3::timestamptz and (select coalesce(x.v = $4::jsonb, false) from (select e.properties -> $5::text -> $6::text as v) as x)) >= $7::int`,
    );
    assert.deepEqual(parameters, [
      'Buy',
      '2026-02-08T16:00:00.000000Z',
      '2026-03-10T16:00:00.000000Z',
      `"x'; drop table profiles; --"`,
      'item',
      'sku',
      3,
    ]);
  });

  it('aggregates JSON numbers at a property path and tests the result as a number', () => {
    const [text, parameters] = compile({
      kind: 'event',
      event: 'Buy',
      measure: {
        type: 'aggregate',
        function: 'sum',
        path: ['revenue'],
        test: { operator: 'gt', value: 100 },
      },
    });
    assert.equal(
      text,
      `(select case when jsonb_typeof(x.v) = 'number' then x.v::numeric > $1::numeric else false end from (select to_jsonb(coalesce(sum(a.j::numeric), 0)) as v from profile_events e cross join lateral (select e.properties -> $2::text as j) as a where e.workspace_id = p.workspace_id and e.profile_id = p.id and e.event = $3::text and jsonb_typeof(a.j) = 'number') as x)`,
    );
    assert.deepEqual(parameters, [100, 'revenue', 'Buy']);
  });

  it('tests the first or last time against instants computed from asOf', () => {
    assert.deepEqual(
      compile({
        kind: 'event',
        event: 'Buy',
        measure: { type: 'last', test: { operator: 'more_than_days_ago', days: 90 } },
      }),
      [
        `(select coalesce(x.t < $1::timestamptz, false) from (select max(e."timestamp") as t ${scope} e.event = $2::text) as x)`,
        ['2025-12-09T16:00:00.000000Z', 'Buy'],
      ],
    );
  });

  it('joins two event aliases for a sequence, strictly later and within the duration', () => {
    assert.deepEqual(
      compile({ kind: 'sequence', first: { event: 'View' }, next: { event: 'Buy' }, withinSeconds: 3600 }),
      [
        `exists (select 1 from profile_events a join profile_events b on b.workspace_id = a.workspace_id and b.profile_id = a.profile_id where a.workspace_id = p.workspace_id and a.profile_id = p.id and a.event = $1::text and b.event = $2::text and b."timestamp" > a."timestamp" and b."timestamp" <= a."timestamp" + $3::double precision * interval '1 second')`,
        ['View', 'Buy', 3600],
      ],
    );
  });
});

describe('compileDefinition: tags, audiences, identifiers, groups', () => {
  it('reads the current tag value as a missing-or-JSON value', () => {
    assert.deepEqual(
      compile({ kind: 'tag', tag: 'rfm', test: { operator: 'in', values: ['gold', 'silver'] } }),
      [
        '(select coalesce(x.v = any($1::jsonb[]), false) from (select (select t.value from tag_values t where t.workspace_id = p.workspace_id and t.tag_id = $2::text and t.profile_id = p.id) as v) as x)',
        [['"gold"', '"silver"'], 'rfm'],
      ],
    );
  });

  it('checks membership and scoped identifiers with EXISTS', () => {
    assert.deepEqual(compile({ kind: 'audience', audience: 'aud_1', member: false }), [
      'not exists (select 1 from audience_members m where m.workspace_id = p.workspace_id and m.audience_id = $1::text and m.profile_id = p.id)',
      ['aud_1'],
    ]);
    assert.deepEqual(
      compile({ kind: 'identifier', identifierType: 'wechat_openid', scope: 'wx123', has: true }),
      [
        'exists (select 1 from identity_nodes n where n.workspace_id = p.workspace_id and n.profile_id = p.id and n.type = $1::text and starts_with(n.value, $2::text))',
        ['wechat_openid', 'wx123/'],
      ],
    );
  });

  it('nests groups in parentheses, numbering parameters left to right', () => {
    const audience = (id: string) => ({ kind: 'audience', audience: id, member: true });
    const [text, parameters] = compile({
      kind: 'or',
      conditions: [
        audience('a'),
        { kind: 'not', condition: { kind: 'and', conditions: [audience('b'), audience('c')] } },
      ],
    });
    assert.equal((text.match(/\$\d+/g) ?? []).join(','), '$1,$2,$3');
    assert.match(text, /^\(exists .* or not \(exists .* and exists .*\)\)$/);
    assert.deepEqual(parameters, ['a', 'b', 'c']);
  });
});

describe('statements', () => {
  const definition = Definition.parse({ kind: 'audience', audience: 'a', member: true });
  const exists =
    'exists (select 1 from audience_members m where m.workspace_id = p.workspace_id and m.audience_id = $2::text and m.profile_id = p.id)';

  it('selects ids and counts within one workspace', () => {
    const select = selectProfileIds(definition, { ...options, workspaceId: 'ws_1' });
    assert.equal(
      select.sql,
      `select p.id from profiles as p where p.workspace_id = $1::text and ${exists} order by p.id`,
    );
    assert.deepEqual(select.parameters, ['ws_1', 'a']);
    const count = countProfiles(definition, { ...options, workspaceId: 'ws_1' });
    assert.equal(
      count.sql,
      `select count(*)::int as count from profiles as p where p.workspace_id = $1::text and ${exists}`,
    );
  });

  it('explains profiles with one column per node, keyed by id or path', () => {
    const tree = Definition.parse({
      kind: 'not',
      id: 'outer',
      condition: { kind: 'audience', audience: 'a', member: true },
    });
    const { query, keys } = explainProfiles(tree, ['prof_1'], { ...options, workspaceId: 'ws_1' });
    assert.deepEqual(keys, ['outer', '$.0']);
    assert.match(
      query.sql,
      /^select p.id, not exists .* as c0, exists .* as c1 from profiles as p where p.workspace_id = \$3::text and p.id = any\(\$4::text\[\]\) order by p.id$/,
    );
    assert.deepEqual(query.parameters, ['a', 'a', 'ws_1', ['prof_1']]);
  });

  it('rejects an unknown time zone with a coded error', () => {
    assert.throws(() => compileDefinition(definition, { asOf, timeZone: "UTC'; --" }), {
      code: 'query.invalid_time_zone',
    });
  });
});
