import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Kysely, sql } from 'kysely';
import { backends, type OpenedDatabase, openFreshDatabase } from '../../test/support/backends.ts';
import type { Database } from '../database.ts';
import { claimGroups } from './profile-pipeline.flow.ts';

interface PlanNode {
  'Node Type': string;
  'Actual Loops': number;
  Plans?: PlanNode[];
}
const nodes = (plan: PlanNode): PlanNode[] => [plan, ...(plan.Plans ?? []).flatMap(nodes)];

for (const backend of backends())
  describe(`pipeline queue claim (${backend})`, () => {
    let opened: OpenedDatabase<Database>;
    let db: Kysely<Database>;
    before(async () => {
      opened = await openFreshDatabase<Database>(backend);
      db = opened.db;
    });
    after(() => opened.drop());

    it('reads the queue once, also when the statistics believe it empty', async () => {
      // a queue that was drained: a vacuum saw one row left in a file of many pages
      const queue = (n: number) =>
        sql`insert into event_pipeline (event_ids) select array[g::bigint] from generate_series(1, ${n}) g`.execute(
          db,
        );
      await queue(5_000);
      await sql`delete from event_pipeline where id < (select max(id) from event_pipeline)`.execute(db);
      await sql`vacuum event_pipeline`.execute(db);
      // then a backlog builds up again
      await queue(3_000);
      const { rows: explained } = await sql<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>`
        explain (analyze, format json) ${claimGroups(5, 8)}`.execute(db);
      const plan = explained[0]['QUERY PLAN'][0].Plan;
      const limits = nodes(plan).filter((n) => n['Node Type'] === 'Limit');
      assert.equal(limits.length, 1);
      assert.equal(limits[0]['Actual Loops'], 1, 'the limited scan of the queue runs once');
      const { rows } = await claimGroups(5, 8).execute(db);
      assert.equal(rows.length, 8);
      assert.deepEqual(
        rows.map((r) => Number(r.id)),
        [...rows.map((r) => Number(r.id))].sort((a, b) => a - b),
      );
    });
  });
