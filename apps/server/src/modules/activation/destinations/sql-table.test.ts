import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { z } from 'zod';
import { type DeliveryMessage, PermanentError, RetryableError } from '../destination.ts';
import { testContext } from '../destination-context.test-helper.ts';
import { sqlTableDestination } from './sql-table.ts';

function orderEvent(id: string, name = '王五', total: unknown = 42.5): DeliveryMessage {
  return {
    id,
    kind: 'event',
    workspaceId: 'ws_test',
    at: '2026-03-01T08:00:00.000Z',
    profile: { id: 'prof_1', traits: { name }, identifiers: [] },
    event: {
      messageId: 'msg_1',
      type: 'track',
      event: 'Order Completed',
      properties: { total, items: [{ sku: 'A1' }] },
      traits: {},
      context: {},
      timestamp: '2026-03-01T08:00:00.000Z',
      receivedAt: '2026-03-01T08:00:01.000Z',
      sourceId: 'src_1',
    },
    data: {},
  };
}

function audienceChange(id: string, change: 'enter' | 'exit'): DeliveryMessage {
  return {
    id,
    kind: 'audience_change',
    workspaceId: 'ws_test',
    at: '2026-03-01T08:00:00.000Z',
    profile: { id: 'prof_9', traits: { email: 'vip@example.com' }, identifiers: [] },
    audience: { id: 'aud_1', name: 'VIP' },
    change,
    data: {},
  };
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  assert.ok(address && typeof address === 'object');
  return address.port;
}

const orderColumns = [
  { column: 'id', value: 'message.id' },
  { column: 'name', value: 'profile.traits.name' },
  // a reserved word: only a quoted identifier works
  { column: 'order', value: '{{ event.event }} / {{ profile.id }}' },
  { column: 'total', value: 'event.properties.total' },
  { column: 'items', value: 'event.properties.items' },
  { column: 'missing', value: 'profile.traits.nothing' },
];

describe('sqlTableDestination config', () => {
  const valid = {
    dialect: 'postgres',
    connectionString: 'postgres://crm:secret@crm-db:5432/crm',
    table: 'crm.orders',
    columns: orderColumns,
  };
  const parse = (config: object) => sqlTableDestination.configSchema.safeParse({ ...valid, ...config });

  it('describes every field for the console form', () => {
    const schema = z.toJSONSchema(sqlTableDestination.configSchema, { io: 'input' }) as {
      properties: Record<string, { description?: string }>;
    };
    for (const [name, field] of Object.entries(schema.properties)) assert.ok(field.description, name);
  });

  it('refuses injection attempts in table and column names', () => {
    assert.equal(parse({}).success, true);
    for (const table of ['orders; drop table users', 'orders"--', 'crm.orders.x', 'x`y', "o'rders", ''])
      assert.equal(parse({ table }).success, false, table);
    for (const column of ['name"; drop table users; --', 'a b', 'na`me', '1name'])
      assert.equal(
        parse({ columns: [...orderColumns, { column, value: 'message.id' }] }).success,
        false,
        column,
      );
    assert.equal(parse({ keyColumns: ['id); drop table x; --'] }).success, false);
  });

  it('refuses mappings that cannot be keyed or read', () => {
    assert.equal(parse({ columns: orderColumns.slice(1) }).success, false, 'no key');
    assert.equal(parse({ keyColumns: ['nope'] }).success, false, 'unknown key column');
    assert.equal(parse({ deleteOnExit: true }).success, false, 'delete needs explicit keys');
    assert.equal(parse({ deleteOnExit: true, keyColumns: ['id'] }).success, false, 'delete by delivery id');
    assert.equal(parse({ columns: [...orderColumns, { column: 'ID', value: 'data.x' }] }).success, false);
    assert.equal(parse({ columns: [{ column: 'id', value: 'secrets.key' }] }).success, false);
    assert.equal(parse({ dialect: 'mysql' }).success, false, 'scheme must match dialect');
  });
});

interface Admin {
  readonly url: string;
  readonly dialect: 'postgres' | 'mysql';
  exec(sql: string): Promise<void>;
  rows(sql: string): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

async function openAdmin(dialect: 'postgres' | 'mysql', url: string): Promise<Admin> {
  if (dialect === 'postgres') {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    return {
      url,
      dialect,
      exec: async (sql) => void (await client.query(sql)),
      rows: async (sql) => (await client.query(sql)).rows,
      close: () => client.end(),
    };
  }
  const connection = await mysql.createConnection(url);
  return {
    url,
    dialect,
    exec: async (sql) => void (await connection.query(sql)),
    rows: async (sql) => (await connection.query(sql))[0] as Record<string, unknown>[],
    close: () => connection.end(),
  };
}

function databaseSuite(dialect: 'postgres' | 'mysql', url: string | undefined, variable: string) {
  describe(`sqlTableDestination on ${dialect}`, { skip: url ? false : `${variable} not set` }, () => {
    let admin: Admin;
    const suffix = randomUUID().replaceAll('-', '').slice(0, 12);
    const orders = `cdptest_orders_${suffix}`;
    const members = `cdptest_members_${suffix}`;
    const q = (name: string) => (dialect === 'postgres' ? `"${name}"` : `\`${name}\``);
    const schema = dialect === 'postgres' ? 'public' : new URL(url ?? 'mysql://x/test').pathname.slice(1);

    before(async () => {
      admin = await openAdmin(dialect, url ?? '');
      await admin.exec(
        `create table ${orders} (id varchar(64) primary key, name varchar(100) not null, ${q('order')} varchar(200),
         total decimal(10,2), items text, missing varchar(10))`,
      );
      await admin.exec(
        `create table ${members} (profile_id varchar(64) primary key, email varchar(200), audience varchar(100))`,
      );
    });
    after(async () => {
      await admin.exec(`drop table if exists ${orders}`);
      await admin.exec(`drop table if exists ${members}`);
      await admin.close();
    });

    const connect = (config: object) =>
      testContext(sqlTableDestination, { dialect, connectionString: url, ...config });

    it('writes mapped values into a schema-qualified table', async () => {
      const { ctx, close } = connect({ table: `${schema}.${orders}`, columns: orderColumns });
      try {
        await sqlTableDestination.send(orderEvent('dlv_a'), ctx);
        const rows = await admin.rows(`select * from ${orders}`);
        assert.equal(rows.length, 1);
        assert.equal(rows[0].id, 'dlv_a');
        assert.equal(rows[0].name, '王五');
        assert.equal(rows[0].order, 'Order Completed / prof_1');
        assert.equal(Number(rows[0].total), 42.5);
        assert.deepEqual(JSON.parse(String(rows[0].items)), [{ sku: 'A1' }]);
        assert.equal(rows[0].missing, null);
      } finally {
        await close();
      }
    });

    it('keeps one row, updated, when a delivery is repeated', async () => {
      const { ctx, close } = connect({ table: orders, columns: orderColumns });
      try {
        await sqlTableDestination.send(orderEvent('dlv_b', 'before', 1), ctx);
        await sqlTableDestination.send(orderEvent('dlv_b', 'after', 2), ctx);
        const rows = await admin.rows(`select name, total from ${orders} where id = 'dlv_b'`);
        assert.equal(rows.length, 1);
        assert.equal(rows[0].name, 'after');
        assert.equal(Number(rows[0].total), 2);
      } finally {
        await close();
      }
    });

    it('upserts audience members by profile and deletes them on exit', async () => {
      const { ctx, close } = connect({
        table: members,
        columns: [
          { column: 'profile_id', value: 'profile.id' },
          { column: 'email', value: 'profile.traits.email' },
          { column: 'audience', value: 'audience.name' },
        ],
        keyColumns: ['profile_id'],
        deleteOnExit: true,
      });
      try {
        await sqlTableDestination.send(audienceChange('dlv_enter', 'enter'), ctx);
        await sqlTableDestination.send(audienceChange('dlv_enter_again', 'enter'), ctx);
        assert.deepEqual(await admin.rows(`select profile_id, email, audience from ${members}`), [
          { profile_id: 'prof_9', email: 'vip@example.com', audience: 'VIP' },
        ]);
        await sqlTableDestination.send(audienceChange('dlv_exit', 'exit'), ctx);
        await sqlTableDestination.send(audienceChange('dlv_exit', 'exit'), ctx);
        assert.deepEqual(await admin.rows(`select profile_id from ${members}`), []);
      } finally {
        await close();
      }
    });

    it('fails permanently, with the database message, on a value of the wrong type', async () => {
      const { ctx, close } = connect({ table: orders, columns: orderColumns });
      try {
        await assert.rejects(
          sqlTableDestination.send(orderEvent('dlv_c', 'x', 'not a number'), ctx),
          (err) => {
            assert.ok(err instanceof PermanentError, String(err));
            assert.match(err.message, /total|numeric|decimal/i);
            return true;
          },
        );
        await assert.rejects(
          sqlTableDestination.send(orderEvent('dlv_d', null as unknown as string), ctx),
          (err) => {
            assert.ok(err instanceof PermanentError, String(err));
            assert.match(err.message, /name/);
            return true;
          },
        );
        assert.deepEqual(await admin.rows(`select id from ${orders} where id in ('dlv_c', 'dlv_d')`), []);
      } finally {
        await close();
      }
    });

    it('retries when the database is unreachable', async () => {
      const down = new URL(url ?? '');
      down.port = String(await closedPort());
      const { ctx, close } = testContext(sqlTableDestination, {
        dialect,
        connectionString: down.href,
        table: orders,
        columns: orderColumns,
        timeoutMs: 2_000,
      });
      try {
        await assert.rejects(sqlTableDestination.send(orderEvent('dlv_e'), ctx), RetryableError);
      } finally {
        await close();
      }
    });
  });
}

databaseSuite('postgres', process.env.TEST_DATABASE_URL, 'TEST_DATABASE_URL');
databaseSuite('mysql', process.env.TEST_MYSQL_URL, 'TEST_MYSQL_URL');
