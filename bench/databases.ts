import pg from 'pg';
import { readEnv } from '../apps/server/src/platform/config.ts';

function server(): string {
  const base = readEnv('BENCH_DATABASE_URL') ?? readEnv('TEST_DATABASE_URL');
  if (!base) throw new Error('set BENCH_DATABASE_URL or TEST_DATABASE_URL');
  return base;
}

/** The URL of database `name` on the bench server. */
export function databaseUrl(name: string): string {
  const url = new URL(server());
  url.pathname = `/${name}`;
  return url.toString();
}

/** A new empty PostgreSQL database `name` (dropped first) on the bench server; returns its URL. */
export async function freshDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: server() });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  return databaseUrl(name);
}
