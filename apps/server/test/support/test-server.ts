import type { ErrorBody, IngestResponse, Source } from '@cdp/protocol';
import { type CdpClient, createClient } from '@cdp/sdk';
import { type RunningServer, startServer } from '../../src/main.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { type Backend, freshDatabase, type TestDatabase } from './backends.ts';

/** What a tracking endpoint answers: an ingest result, an error, or both (400 on a single message). */
export type TrackBody = Partial<IngestResponse> & Partial<ErrorBody>;

export const ADMIN = { email: 'admin@test.local', password: 'correct-horse-battery' } as const;

export interface TestServer {
  readonly url: string;
  readonly backend: Backend;
  readonly server: RunningServer;
  readonly db: TestDatabase;
  /** Admin API client authenticated with a bearer token. */
  readonly api: CdpClient;
  readonly token: string;
  /** The default source created on first start. */
  readonly source: Source;
  /** POST JSON to the tracking API with the write key (Basic auth). */
  track(
    path: string,
    body: unknown,
    init?: { writeKey?: string; headers?: Record<string, string> },
  ): Promise<{ status: number; body: TrackBody; headers: Headers }>;
  stop(): Promise<void>;
}

/** Boots the real app in-process on a fresh database, on a free port. */
export async function startTestServer(
  backend: Backend,
  env: Record<string, string> = {},
): Promise<TestServer> {
  const db = await freshDatabase(backend);
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    CDP_ADMIN_EMAIL: ADMIN.email,
    CDP_ADMIN_PASSWORD: ADMIN.password,
    ...db.env,
    ...env,
  });
  const server = await startServer(config, createLogger(config.LOG_LEVEL));
  const url = server.url.replace('localhost', '127.0.0.1');
  const { token } = await server.app.services.auth.createToken('tests');
  const api = createClient({ baseUrl: url, token });
  const source = server.boot.defaultSource;
  return {
    url,
    backend,
    server,
    db,
    api,
    token,
    source,
    async track(path, body, init = {}) {
      const res = await fetch(`${url}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Basic ${Buffer.from(`${init.writeKey ?? source.writeKey}:`).toString('base64')}`,
          ...init.headers,
        },
        body: typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body),
      });
      const text = await res.text();
      let parsed: TrackBody = {};
      try {
        parsed = JSON.parse(text) as TrackBody;
      } catch {}
      return { status: res.status, body: parsed, headers: res.headers };
    },
    async stop() {
      await server.stop();
      await db.drop();
    },
  };
}
