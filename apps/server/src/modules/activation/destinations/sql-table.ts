import mysql from 'mysql2/promise';
import pg from 'pg';
import { z } from 'zod';
import {
  type DeliveryMessage,
  type DestinationContext,
  type DestinationType,
  PermanentError,
  RetryableError,
} from '../destination.ts';
import { liquidTemplate, templateScope, valueAt } from './recipients.ts';

const isTemplate = (text: string) => /{{|{%/.test(text);

/**
 * Identifiers are quoted with the driver's escaping and also restricted to letters, digits, `_` and
 * `$` (63 bytes, PostgreSQL's limit), so a name typed in the console can only ever name a column.
 */
const IDENTIFIER = /^[\p{L}_][\p{L}\p{N}_$]*$/u;
const isIdentifier = (name: string) => IDENTIFIER.test(name) && Buffer.byteLength(name) <= 63;
const Identifier = z
  .string()
  .refine(isIdentifier, { message: 'letters, digits, _ and $ only (at most 63 bytes)' });

/** A value path: a root of the template scope, then property names (`profile.traits.name`). */
const VALUE_PATH = /^(message|delivery|profile|traits|event|audience|change|data)(\.[^.\s]+)*$/u;

const SCHEMES = { postgres: /^postgres(ql)?:\/\//, mysql: /^(mysql|mariadb):\/\// } as const;

export const SqlTableConfig = z
  .object({
    dialect: z.enum(['postgres', 'mysql']).describe('Database: PostgreSQL, or MySQL / MariaDB.'),
    connectionString: z
      .string()
      .min(1)
      .max(4096)
      .describe(
        'Connection URL with credentials, e.g. postgres://user:password@crm-db:5432/crm or mysql://user:password@crm-db:3306/crm.',
      ),
    table: z
      .string()
      .refine((table) => table.split('.').length <= 2 && table.split('.').every(isIdentifier), {
        message: 'expected table or schema.table (letters, digits, _ and $ only)',
      })
      .describe('Target table, optionally schema-qualified (crm.contacts).'),
    columns: z
      .array(
        z.object({
          column: Identifier.describe('Column name.'),
          value: liquidTemplate()
            .min(1)
            .max(10_000)
            .refine((value) => isTemplate(value) || VALUE_PATH.test(value), {
              message:
                'expected a path such as profile.traits.name, event.properties.total, message.id, or a Liquid template',
            })
            .describe(
              'A path into the message (profile.traits.name, event.properties.total, message.id, audience.name, change) or a Liquid template; objects are stored as JSON.',
            ),
        }),
      )
      .min(1)
      .max(200)
      .describe('Columns to write and where each value comes from.'),
    keyColumns: z
      .array(Identifier)
      .min(1)
      .max(10)
      .optional()
      .describe(
        'Columns identifying a row (a primary key or unique index on them must exist); a delivery inserts or updates that row. Empty: the column holding message.id. MySQL uses the table’s unique keys.',
      ),
    deleteOnExit: z
      .boolean()
      .default(false)
      .describe(
        'When a profile leaves the audience, delete its row (found by the key columns) instead of writing it.',
      ),
    timeoutMs: z
      .number()
      .int()
      .min(100)
      .max(60_000)
      .default(10_000)
      .describe('How long to wait for the database (connecting, each statement), in ms.'),
  })
  .superRefine((config, ctx) => {
    if (!SCHEMES[config.dialect].test(config.connectionString))
      ctx.addIssue({ code: 'custom', path: ['connectionString'], message: `not a ${config.dialect} URL` });
    // compared case-insensitively, as MySQL compares column names
    const names = config.columns.map((c) => c.column.toLowerCase());
    if (new Set(names).size !== names.length)
      ctx.addIssue({ code: 'custom', path: ['columns'], message: 'a column appears twice' });
    for (const key of config.keyColumns ?? [])
      if (!config.columns.some((c) => c.column === key))
        ctx.addIssue({
          code: 'custom',
          path: ['keyColumns'],
          message: `key column ${key} is not in columns`,
        });
    if (!config.keyColumns && !config.columns.some((c) => c.value === 'message.id'))
      ctx.addIssue({
        code: 'custom',
        path: ['keyColumns'],
        message: 'name the key columns, or map a column to message.id',
      });
    // a key holding the delivery's id never finds the row an earlier delivery wrote
    const perDelivery = (key: string) =>
      config.columns.some((c) => c.column === key && (c.value === 'message.id' || c.value === 'delivery.id'));
    if (config.deleteOnExit && (!config.keyColumns || config.keyColumns.some(perDelivery)))
      ctx.addIssue({
        code: 'custom',
        path: ['keyColumns'],
        message:
          'deleting on exit needs key columns that identify the profile’s row (e.g. one holding profile.id)',
      });
  });
export type SqlTableConfig = z.infer<typeof SqlTableConfig>;

type SqlValue = string | number | boolean | null;

/** Parameters as the drivers take them: objects and arrays as JSON text (pg would make arrays SQL arrays). */
function sqlValue(value: unknown): SqlValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return value.toString();
  return JSON.stringify(value);
}

interface Database {
  run(sql: string, params: readonly SqlValue[]): Promise<void>;
  close(): Promise<void>;
}

function openDatabase(ctx: DestinationContext<SqlTableConfig>): Database {
  const { dialect, connectionString, timeoutMs } = ctx.config;
  if (dialect === 'postgres') {
    const pool = new pg.Pool({
      connectionString,
      max: 4,
      connectionTimeoutMillis: timeoutMs,
      query_timeout: timeoutMs,
      idleTimeoutMillis: 30_000,
      application_name: 'cdp-activation',
    });
    // an idle connection the server dropped: the pool replaces it, the process must not crash
    pool.on('error', (err) => ctx.log.debug({ err }, 'sql table destination: idle connection error'));
    return {
      run: async (text, values) => void (await pool.query({ text, values: [...values] })),
      close: () => pool.end(),
    };
  }
  const pool = mysql.createPool({ uri: connectionString, connectionLimit: 4, connectTimeout: timeoutMs });
  return {
    run: async (sql, values) => void (await pool.execute({ sql, timeout: timeoutMs }, [...values])),
    close: () => pool.end(),
  };
}

/** The statement for this message: an upsert (repeatable), or a delete by key. */
function statement(config: SqlTableConfig, row: ReadonlyMap<string, SqlValue>, remove: boolean) {
  const postgres = config.dialect === 'postgres';
  const quote = postgres
    ? (name: string) => name.split('.').map(pg.escapeIdentifier).join('.')
    : (name: string) => mysql.escapeId(name);
  const table = quote(config.table);
  const keys =
    config.keyColumns ?? config.columns.filter((c) => c.value === 'message.id').map((c) => c.column);
  const keyValue = (key: string) => {
    const value = row.get(key);
    // NULL never conflicts: a retried delivery would add a second row
    if (value === null || value === undefined)
      throw new PermanentError(`SQL table: key column ${key} has no value for this message`);
    return value;
  };
  const params: SqlValue[] = [];
  const param = (value: SqlValue) => {
    params.push(value);
    return postgres ? `$${params.length}` : '?';
  };

  if (remove) {
    const where = keys.map((key) => `${quote(key)} = ${param(keyValue(key))}`).join(' AND ');
    return { sql: `DELETE FROM ${table} WHERE ${where}`, params };
  }
  keys.forEach(keyValue);
  const columns = [...row.keys()];
  const values = [...row.values()].map(param).join(', ');
  const updates = columns.filter((c) => !keys.includes(c)).map(quote);
  const into = `INSERT INTO ${table} (${columns.map(quote).join(', ')}) VALUES (${values})`;
  const sql = postgres
    ? `${into} ON CONFLICT (${keys.map(quote).join(', ')}) ${
        updates.length
          ? `DO UPDATE SET ${updates.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}`
          : 'DO NOTHING'
      }`
    : `${into} ON DUPLICATE KEY UPDATE ${(updates.length ? updates : [quote(keys[0])])
        .map((c) => `${c} = VALUES(${c})`)
        .join(', ')}`;
  return { sql, params };
}

/** PostgreSQL classes: connection, transaction rollback (deadlock, serialization), resources, operator, system. */
const PG_RETRYABLE_CLASSES = new Set(['08', '40', '53', '57', '58']);
const PG_RETRYABLE_CODES = new Set(['55P03', '55006', '25006']);
/** MySQL/MariaDB: lock wait, deadlock, too many connections, shutdown, interrupted, read-only, killed, timeouts. */
const MYSQL_RETRYABLE = new Set([
  1040, 1053, 1159, 1161, 1203, 1205, 1213, 1290, 1317, 1836, 1927, 1969, 2006, 2013, 3024,
]);

/** Transient trouble retries; anything the database rejects for what was sent (a bad mapping) does not. */
function sqlError(err: unknown): Error {
  if (err instanceof RetryableError || err instanceof PermanentError) return err;
  const text = `SQL table: ${err instanceof Error ? err.message : String(err)}`;
  if (err instanceof pg.DatabaseError && err.code)
    return PG_RETRYABLE_CLASSES.has(err.code.slice(0, 2)) || PG_RETRYABLE_CODES.has(err.code)
      ? new RetryableError(text)
      : new PermanentError(`${text} (${err.code})`);
  const my = err as { errno?: number; sqlState?: string; fatal?: boolean };
  if (typeof my.sqlState === 'string' && typeof my.errno === 'number' && !my.fatal)
    return MYSQL_RETRYABLE.has(my.errno) || /^(08|40)/.test(my.sqlState)
      ? new RetryableError(text)
      : new PermanentError(`${text} (${my.errno})`);
  // network errors, timeouts, pool trouble
  return new RetryableError(text);
}

async function send(message: DeliveryMessage, ctx: DestinationContext<SqlTableConfig>): Promise<void> {
  const { config } = ctx;
  const scope = templateScope(message, { message });
  const row = new Map<string, SqlValue>();
  for (const { column, value } of config.columns)
    row.set(column, isTemplate(value) ? await ctx.render(value, scope) : sqlValue(valueAt(scope, value)));
  const remove = config.deleteOnExit && message.kind === 'audience_change' && message.change === 'exit';
  const { sql, params } = statement(config, row, remove);
  try {
    const db = await ctx.state.resource(
      'sql',
      async () => openDatabase(ctx),
      (held) => held.close(),
    );
    await db.run(sql, params);
  } catch (err) {
    throw sqlError(err);
  }
}

export const sqlTableDestination: DestinationType<SqlTableConfig> = {
  type: 'sql_table',
  category: 'database',
  label: { 'zh-CN': '数据库表 (PostgreSQL / MySQL)', en: 'Database table (PostgreSQL / MySQL)' },
  configSchema: SqlTableConfig,
  secrets: ['connectionString'],
  urls: [],
  accepts: ['event', 'audience_change', 'message'],
  purposes: ['analytics'],
  send,
};
