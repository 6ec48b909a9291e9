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

export interface FixedRateResult {
  readonly sent: number;
  readonly non2xx: number;
  readonly p50: number;
  readonly p99: number;
}

/**
 * An open-loop load: `rate` requests per second at even intervals, whatever the answers, each
 * request's latency counted from when it was due (so a stalled server is not hidden by the load
 * slowing down with it, unlike a closed loop of N connections at saturation).
 */
export async function runFixedRate(
  spec: Omit<LoadSpec, 'connections' | 'eventsPerRequest'> & { rate: number },
) {
  const { Pool } = await import('undici');
  const pool = new Pool(spec.url, { connections: 64, pipelining: 1 });
  const headers = {
    'content-type': 'application/json',
    authorization: `Basic ${Buffer.from(`${spec.writeKey}:`).toString('base64')}`,
  };
  const latencies: number[] = [];
  let non2xx = 0;
  const inFlight = new Set<Promise<void>>();
  const started = performance.now();
  const total = Math.round(spec.rate * spec.seconds);
  for (let n = 0; n < total; n++) {
    const due = started + (n * 1000) / spec.rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const request: Promise<void> = pool
      .request({ path: spec.path, method: 'POST', headers, body: JSON.stringify(spec.body(n)) })
      .then(async (res) => {
        await res.body.dump();
        if (res.statusCode >= 300) non2xx++;
        latencies.push(performance.now() - due);
      })
      .finally(() => inFlight.delete(request));
    inFlight.add(request);
  }
  await Promise.all(inFlight);
  await pool.close();
  return {
    sent: total,
    non2xx,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
  } satisfies FixedRateResult;
}

/** The value below which the fraction `p` of `values` lies (nearest rank); 0 when there are none. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}
