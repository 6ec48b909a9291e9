import autocannon from 'autocannon';

export interface LoadResult {
  readonly requests: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly requestsPerSec: number;
  readonly eventsPerSec: number;
  readonly p50: number;
  readonly p99: number;
}

export interface LoadSpec {
  readonly url: string;
  readonly path: string;
  readonly writeKey: string;
  readonly connections: number;
  readonly seconds: number;
  readonly eventsPerRequest: number;
  /** Makes the JSON body of the n-th request. */
  readonly body: (n: number) => unknown;
}

/** Drives one endpoint with autocannon; every request carries unique messageIds. */
export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  let n = 0;
  const result = await autocannon({
    url: `${spec.url}${spec.path}`,
    connections: spec.connections,
    duration: spec.seconds,
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Basic ${Buffer.from(`${spec.writeKey}:`).toString('base64')}`,
    },
    requests: [{ setupRequest: (req) => ({ ...req, body: JSON.stringify(spec.body(n++)) }) }],
  });
  const ok = result.requests.total - result.non2xx;
  return {
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    requestsPerSec: ok / spec.seconds,
    eventsPerSec: (ok * spec.eventsPerRequest) / spec.seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
  };
}
