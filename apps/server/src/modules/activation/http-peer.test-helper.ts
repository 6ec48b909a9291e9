import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the peer received, body read in full. */
export interface RecordedRequest {
  readonly method: string;
  /** path and query */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  readonly text: string;
  /** the body parsed as JSON, or undefined */
  readonly json: unknown;
}

/** Decides the answer; returning nothing answers 200 `{"ok":true}`. */
export type PeerHandler = (request: RecordedRequest, response: ServerResponse) => unknown;

export interface HttpPeer {
  readonly url: string;
  readonly port: number;
  /** `127.0.0.1:port`, for the SSRF allow-list */
  readonly host: string;
  readonly requests: RecordedRequest[];
  setHandler(handler: PeerHandler | undefined): void;
  close(): Promise<void>;
}

/**
 * A real local HTTP server standing in for a destination's peer (webhook receiver, SMS gateway,
 * WeChat API, ad platform, object storage): records every request; `handler` may answer itself
 * (write to `response` and return true) to check formats or inject failures.
 */
export async function startHttpPeer(handler?: PeerHandler): Promise<HttpPeer> {
  let current = handler;
  const requests: RecordedRequest[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks);
      const text = body.toString('utf8');
      let json: unknown;
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch {
        json = undefined;
      }
      const recorded = {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        headers: req.headers,
        body,
        text,
        json,
      };
      requests.push(recorded);
      try {
        const handled = await current?.(recorded, res);
        if (handled || res.headersSent || res.writableEnded) return;
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      } catch (err) {
        if (!res.headersSent) res.writeHead(500).end(String(err));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    host: `127.0.0.1:${port}`,
    requests,
    setHandler(next) {
      current = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
