import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from 'node:dns';
import ipaddr from 'ipaddr.js';
import { Agent, request, fetch as undiciFetch } from 'undici';
import { deadline } from '../../platform/abort.ts';
import { PermanentError, RetryableError } from './destination.ts';

/**
 * Outgoing HTTP for destinations, guarded against SSRF: a URL configured in the console must not
 * reach the server's own network (loopback, private, link-local, carrier-grade NAT, unique-local,
 * metadata addresses, IPv4-mapped IPv6 forms of these). Checked twice: when a config is saved (the
 * URL's host resolved now) and at connect time on the address actually dialled (DNS rebinding),
 * on every redirect hop. `allow` lists `host:port` (or `host`) pairs that may be private: the local
 * peers of tests, an internal gateway an operator trusts.
 */
export interface EgressPolicy {
  /** `host:port` or `host` exempt from the address check. */
  readonly allow: readonly string[];
  /** Ports a URL may name (besides allowed hosts). */
  readonly ports: readonly number[];
}

export const DEFAULT_EGRESS: EgressPolicy = { allow: [], ports: [80, 443, 8080, 8443] };

/**
 * `dns.lookup` as called here (every address at once). Tests pass their own to answer without DNS
 * and to change the answer between the save-time and the connect-time check (DNS rebinding).
 */
export type LookupFunction = (
  hostname: string,
  options: LookupAllOptions,
  callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

const BLOCKED_NAMES = [/^localhost$/i, /\.localhost$/i, /^metadata\.google\.internal$/i, /^metadata$/i];

/** Why an address may not be dialled, or null when it is public unicast. */
export function blockedAddress(address: string): string | null {
  if (!ipaddr.isValid(address)) return `not an IP address: ${address}`;
  const parsed = ipaddr.process(address);
  const range = parsed.range();
  return range === 'unicast' ? null : `${address} is a ${range} address`;
}

/** The hostname without IPv6 brackets. */
function bareHost(url: URL): string {
  return url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
}

function defaultPort(url: URL): number {
  return url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
}

function isAllowed(url: URL, policy: EgressPolicy): boolean {
  const host = bareHost(url).toLowerCase();
  const port = defaultPort(url);
  return policy.allow.some((entry) => {
    const e = entry.trim().toLowerCase();
    return e === host || e === `${host}:${port}` || e === `[${host}]:${port}`;
  });
}

/**
 * The checks that need no DNS: scheme, credentials, port, blocked names and literal addresses.
 * Returns the parsed URL and whether it is on the allow-list; throws PermanentError otherwise.
 */
export function checkUrlShape(raw: string | URL, policy: EgressPolicy): { url: URL; allowed: boolean } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new PermanentError(`not a URL: ${String(raw).slice(0, 200)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new PermanentError(`only http and https URLs may be called, not ${url.protocol}`);
  if (url.username || url.password)
    throw new PermanentError('credentials in the URL are not allowed: put them in a header');
  if (isAllowed(url, policy)) return { url, allowed: true };
  if (!policy.ports.includes(defaultPort(url)))
    throw new PermanentError(`port ${defaultPort(url)} is not allowed (allowed: ${policy.ports.join(', ')})`);
  const host = bareHost(url);
  // `localhost.` is the same name as `localhost` to a resolver
  const name = host.replace(/\.$/, '');
  if (BLOCKED_NAMES.some((re) => re.test(name))) throw new PermanentError(`host ${host} is not allowed`);
  if (ipaddr.isValid(host)) {
    const why = blockedAddress(host);
    if (why) throw new PermanentError(`address not allowed: ${why}`);
  }
  return { url, allowed: false };
}

function lookupAll(lookup: LookupFunction, host: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) =>
    lookup(host, { all: true, verbatim: true }, (err, addresses) => (err ? reject(err) : resolve(addresses))),
  );
}

/**
 * The save-time check: the URL's shape, and every address its host resolves to now. A host that
 * does not resolve is refused too (a typo, or a name only an internal resolver knows).
 */
export async function checkDestinationUrl(
  raw: string,
  policy: EgressPolicy,
  lookup: LookupFunction = dnsLookup,
): Promise<void> {
  const { url, allowed } = checkUrlShape(raw, policy);
  const host = bareHost(url);
  if (allowed || ipaddr.isValid(host)) return;
  let addresses: LookupAddress[];
  try {
    addresses = await lookupAll(lookup, host);
  } catch {
    throw new PermanentError(`host ${host} does not resolve`);
  }
  for (const { address } of addresses) {
    const why = blockedAddress(address);
    if (why) throw new PermanentError(`${host} resolves to a blocked address: ${why}`);
  }
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * The `lookup` a connection uses. With `guard`, it fails for blocked addresses: the connect-time
 * check on the address actually dialled (DNS rebinding).
 */
function connectLookup(resolve: LookupFunction, guard: boolean) {
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback): void => {
    resolve(hostname, { ...options, all: true, verbatim: true }, (err, addresses) => {
      if (err) return callback(err, []);
      if (addresses.length === 0)
        return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), []);
      for (const { address } of guard ? addresses : []) {
        const why = blockedAddress(address);
        if (why) {
          const blocked = Object.assign(new Error(`blocked by the SSRF guard: ${why}`), { code: 'ESSRF' });
          return callback(blocked, []);
        }
      }
      if (options.all) return callback(null, addresses);
      return callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

/** Headers a redirect to another origin must not carry (as `fetch` does). */
const CREDENTIAL_HEADERS = ['authorization', 'proxy-authorization', 'cookie'];

export interface SafeFetchOptions {
  readonly policy: EgressPolicy;
  /** Per request, 15 s unless told. */
  readonly timeoutMs?: number;
  readonly maxRedirects?: number;
  /** Connections kept per origin. */
  readonly connections?: number;
  /** Resolver for connections (tests); `dns.lookup` unless told. */
  readonly lookup?: LookupFunction;
}

export interface SafeFetch {
  (url: string | URL, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

/**
 * A `fetch` over undici with the SSRF guard at connect time, redirects followed by hand (each hop
 * checked; `redirect: 'manual'` returns the 3xx, `'error'` refuses it), a timeout, and network
 * failures turned into RetryableError (a refused address into PermanentError).
 */
export function createSafeFetch(options: SafeFetchOptions): SafeFetch {
  const connections = options.connections ?? 64;
  const resolve = options.lookup ?? dnsLookup;
  const guarded = new Agent({ connections, connect: { lookup: connectLookup(resolve, true) as never } });
  const trusted = new Agent(
    options.lookup
      ? { connections, connect: { lookup: connectLookup(resolve, false) as never } }
      : { connections },
  );
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxRedirects = options.maxRedirects ?? 5;

  const safeFetch = async (input: string | URL, init: RequestInit = {}): Promise<Response> => {
    // the time limit covers connecting and the answer's head, redirects included; the body is read
    // under the caller's signal
    const limit = deadline(timeoutMs, init.signal ?? undefined);
    try {
      return await follow(input, init, limit.signal);
    } finally {
      limit.done();
    }
  };
  const follow = async (input: string | URL, init: RequestInit, signal: AbortSignal): Promise<Response> => {
    let target = String(input);
    let request = init;
    for (let hop = 0; ; hop++) {
      const { url, allowed } = checkUrlShape(target, options.policy);
      let response: Response;
      try {
        response = await exchange(url, request, signal, allowed ? trusted : guarded);
      } catch (err) {
        throw fetchFailure(err, url);
      }
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || response.status === 304 || !location)
        return response;
      if (request.redirect === 'manual') return response;
      await response.body?.cancel();
      if (request.redirect === 'error')
        throw new PermanentError(`${url.host} answered ${response.status}: redirects are not followed`);
      if (hop >= maxRedirects) throw new PermanentError(`more than ${maxRedirects} redirects`);
      let next: URL;
      try {
        next = new URL(location, url);
      } catch {
        throw new PermanentError(`${url.host} redirected to an invalid URL: ${location.slice(0, 200)}`);
      }
      target = next.toString();
      if (next.origin !== url.origin && request.headers) {
        const headers = new Headers(request.headers);
        for (const name of CREDENTIAL_HEADERS) headers.delete(name);
        request = { ...request, headers };
      }
      // 303 (and 301/302 after POST, as browsers do) continue as GET without a body
      if (
        response.status === 303 ||
        ((response.status === 301 || response.status === 302) && request.method && request.method !== 'GET')
      )
        request = { ...request, method: 'GET', body: undefined };
    }
  };
  return Object.assign(safeFetch, {
    close: async () => {
      await Promise.all([guarded.close(), trusted.close()]);
    },
  });
}

/** Answers with no body by definition. */
const NO_BODY = new Set([204, 205, 304]);

/**
 * One HTTP exchange, without following redirects. Plain bodies (text, bytes) go through undici's
 * `request`, several times cheaper than `fetch` per call (which matters at thousands of deliveries
 * a second); the answer is read (bounded) and returned as a standard Response. Other bodies (form
 * data, streams) take `fetch`.
 */
async function exchange(
  url: URL,
  init: RequestInit,
  signal: AbortSignal,
  dispatcher: Agent,
): Promise<Response> {
  const body = init.body;
  const plain = body === undefined || body === null || typeof body === 'string' || body instanceof Uint8Array;
  if (!plain)
    return (await undiciFetch(url, {
      ...(init as object),
      signal,
      redirect: 'manual',
      dispatcher,
    })) as unknown as Response;
  const headers: Record<string, string> = {};
  new Headers(init.headers).forEach((value, name) => {
    headers[name] = value;
  });
  const answer = await request(url, {
    method: (init.method ?? 'GET').toUpperCase() as 'GET',
    headers,
    body: body ?? undefined,
    signal,
    dispatcher,
  });
  const bytes = Buffer.from(await answer.body.arrayBuffer());
  if (bytes.length > MAX_ANSWER_BYTES)
    throw new RetryableError(`${url.host}: answer larger than ${MAX_ANSWER_BYTES} bytes`);
  const out = new Headers();
  for (const [name, value] of Object.entries(answer.headers))
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) out.append(name, v);
  return new Response(NO_BODY.has(answer.statusCode) ? null : bytes, {
    status: answer.statusCode,
    headers: out,
  });
}

/** Answers a destination reads are small (a status, an id); a huge one is a broken peer. */
const MAX_ANSWER_BYTES = 10 * 1024 * 1024;

function fetchFailure(err: unknown, url: URL): Error {
  if (err instanceof RetryableError || err instanceof PermanentError) return err;
  const own = err as { code?: string; message?: string };
  if (own.code === 'ESSRF') return new PermanentError(`${url.host}: ${own.message}`);
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code === 'ESSRF') return new PermanentError(`${url.host}: ${cause.message}`);
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError'))
    return new RetryableError(`${url.host}: no answer in time`);
  const reason = cause?.message ?? (err instanceof Error ? err.message : String(err));
  return new RetryableError(`${url.host}: ${reason}`);
}
