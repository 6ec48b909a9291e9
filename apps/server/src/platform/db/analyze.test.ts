import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Kysely, sql } from 'kysely';
import { backends, type OpenedDatabase, openFreshDatabase } from '../../../test/support/backends.ts';
import { analyzeAfterBulkWrite, analyzeGrownTables, hasAutovacuum, vacuumChurnedTables } from './analyze.ts';

for (const backend of backends())
  describe(`table upkeep: analyzeAfterBulkWrite, analyzeGrownTables, vacuumChurnedTables (${backend})`, () => {
    let opened: OpenedDatabase<Record<string, never>>;
    let db: Kysely<Record<string, never>>;
    before(async () => {
      opened = await openFreshDatabase<Record<string, never>>(backend);
      db = opened.db;
    });
    after(() => opened.drop());
    const analyzed = async (table: string) =>
      (
        await sql<{
          n: number;
        }>`select reltuples::float8 as n from pg_class where relname = ${table}`.execute(db)
      ).rows[0].n;
    const fill = (table: string, rows: number) =>
      sql`insert into ${sql.table(table)} select g, 'v' || g from generate_series(1, ${rows}) g`.execute(db);

    it('refreshes statistics after a bulk write, as autovacuum would, and not after a small one', async () => {
      for (const t of ['bulk_a', 'bulk_b'])
        await sql`create table ${sql.table(t)} (id int primary key, v text)`.execute(db);
      await fill('bulk_a', 40);
      await analyzeAfterBulkWrite(db, ['bulk_a'], 40);
      assert.ok((await analyzed('bulk_a')) < 0, 'a small write leaves the table alone');

      await fill('bulk_b', 5_000);
      await analyzeAfterBulkWrite(db, ['bulk_a', 'bulk_b'], 5_000);
      assert.equal(await analyzed('bulk_b'), 5_000, 'the written table has fresh statistics');
      assert.equal(await analyzed('bulk_a'), 40, 'a never-analyzed table is analyzed too');

      // 10% of the table or less: the statistics are recent enough
      await sql`insert into bulk_b select g, 'w' from generate_series(5001, 5400) g`.execute(db);
      await analyzeAfterBulkWrite(db, ['bulk_b'], 400);
      assert.equal(await analyzed('bulk_b'), 5_000);
      await sql`insert into bulk_b select g, 'w' from generate_series(5401, 6400) g`.execute(db);
      await analyzeAfterBulkWrite(db, ['bulk_b'], 1_000);
      assert.equal(await analyzed('bulk_b'), 6_400);
    });

    it('analyzes tables that hold data and were never analyzed, or grew by more than 10%', async () => {
      await analyzeGrownTables(db); // the tables already there
      await sql`create table grows (id int primary key, v text)`.execute(db);
      await sql`create table stays_empty (id int primary key)`.execute(db);
      assert.deepEqual(await analyzeGrownTables(db), [], 'empty tables need nothing');
      await sql`insert into grows select g, repeat('x', 100) from generate_series(1, 20000) g`.execute(db);
      assert.deepEqual(await analyzeGrownTables(db), ['grows']);
      assert.deepEqual(await analyzeGrownTables(db), [], 'fresh statistics: nothing to do');
      await sql`insert into grows select g, repeat('x', 100) from generate_series(20001, 20500) g`.execute(
        db,
      );
      assert.deepEqual(await analyzeGrownTables(db), [], '2.5% more rows');
      await sql`insert into grows select g, repeat('x', 100) from generate_series(20501, 30000) g`.execute(
        db,
      );
      assert.deepEqual(await analyzeGrownTables(db), ['grows'], 'half as many again');
      assert.equal(await analyzed('grows'), 30_000);
      if (backend === 'embedded') assert.equal(await hasAutovacuum(db, 'embedded'), false);
    });

    it('vacuums tables with many dead or newly inserted rows, as autovacuum would, and leaves the rest', async () => {
      // the cumulative statistics the rule reads are reported when a session goes idle
      const due = async () => {
        await sql`select pg_stat_force_next_flush()`.execute(db);
        return vacuumChurnedTables(db);
      };
      const stats = async () =>
        (
          await sql<{ dead: number; vacuumed: boolean }>`
            select n_dead_tup::int as dead, last_vacuum is not null as vacuumed
              from pg_stat_user_tables where relname = 'churn'`.execute(db)
        ).rows[0];
      await due(); // the tables already there
      await sql`create table churn (id int primary key, v text)`.execute(db);
      await sql`insert into churn select g, repeat('x', 50) from generate_series(1, 5000) g`.execute(db);
      assert.ok((await due()).includes('churn'), 'new rows: vacuumed so index-only scans skip the heap');
      assert.deepEqual(await due(), [], 'nothing changed since');
      assert.equal((await stats()).vacuumed, true);

      await sql`delete from churn where id <= 100`.execute(db);
      assert.deepEqual(await due(), [], '100 dead rows of 5,000: below the threshold');
      await sql`delete from churn where id <= 2000`.execute(db);
      assert.deepEqual(await due(), ['churn'], '2,000 dead rows: the space is reclaimed');
      assert.equal((await stats()).dead, 0);
      assert.deepEqual(await due(), []);
    });
  });
