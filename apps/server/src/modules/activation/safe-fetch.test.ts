import assert from 'node:assert/strict';
import type { LookupAddress } from 'node:dns';
import type { ServerResponse } from 'node:http';
import { after, before, describe, it } from 'node:test';
import ipaddr from 'ipaddr.js';
import { PermanentError, RetryableError } from './destination.ts';
import { type HttpPeer, startHttpPeer } from './http-peer.test-helper.ts';
import {
  blockedAddress,
  checkDestinationUrl,
  createSafeFetch,
  DEFAULT_EGRESS,
  type EgressPolicy,
  type LookupFunction,
  type SafeFetch,
} from './safe-fetch.ts';

/** The messages of a refusal by the address guard (not by the port or scheme checks). */
const REFUSED =
  /^(address not allowed|host \S+ is not allowed|\S+ resolves to a blocked address|\S+: blocked by the SSRF guard)/;

/** What `<ip>.nip.io` answers on the public nip.io service: the address in its name. */
function nipIo(hostname: string): string[] | undefined {
  const embedded = /^(.+)\.nip\.io$/.exec(hostname)?.[1];
  return embedded && ipaddr.isValid(embedded) ? [embedded] : undefined;
}

/**
 * A resolver for tests, so that nothing asks a real DNS server: a host's addresses, or a function
 * of the call count (an answer that changes); nip.io names as the service answers; any other name
 * does not exist.
 */
function testResolver(answers: Record<string, string[] | ((call: number) => string[])> = {}) {
  const calls: string[] = [];
  const lookup: LookupFunction = (hostname, _options, callback) => {
    const call = calls.filter((h) => h === hostname).length;
    calls.push(hostname);
    const entry = answers[hostname];
    const addresses = typeof entry === 'function' ? entry(call) : (entry ?? nipIo(hostname));
    setImmediate(() => {
      if (!addresses) {
        const err = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
        return callback(err, []);
      }
      const list: LookupAddress[] = addresses.map((address) => ({
        address,
        family: address.includes(':') ? 6 : 4,
      }));
      callback(null, list);
    });
  };
  return { lookup, calls };
}

async function rejectsWith(
  attempt: Promise<unknown>,
  type: new (...args: never[]) => Error,
  pattern: RegExp,
): Promise<void> {
  await assert.rejects(attempt, (err: unknown) => {
    assert.ok(err instanceof type, `expected ${type.name}, got ${String(err)}`);
    assert.match(err.message, pattern);
    return true;
  });
}

function redirectTo(location: string, status = 302) {
  return (_req: unknown, res: ServerResponse) => {
    res.writeHead(status, { location }).end();
    return true;
  };
}

describe('blockedAddress', () => {
  it('lets public unicast addresses through', () => {
    for (const address of ['93.184.216.34', '8.8.8.8', '2606:4700::1111'])
      assert.equal(blockedAddress(address), null);
  });

  it('names the range of a blocked address', () => {
    assert.match(blockedAddress('10.1.2.3') ?? '', /private/);
    assert.match(blockedAddress('::ffff:127.0.0.1') ?? '', /loopback/);
    assert.match(blockedAddress('example.com') ?? '', /not an IP address/);
  });
});

describe('the SSRF battery: refused when saved and when called', () => {
  let peer: HttpPeer;
  let policy: EgressPolicy;
  let safeFetch: SafeFetch;
  const dns = testResolver({
    'rebound.example.com': ['127.0.0.1'],
    'metadata.example.com': ['169.254.169.254'],
    'ula.example.com': ['fd00::1'],
    'mapped.example.com': ['::ffff:127.0.0.1'],
    'split.example.com': ['93.184.216.34', '10.0.0.7'],
  });

  before(async () => {
    peer = await startHttpPeer();
    // the peer's port is allowed, so that only the address guard stands between a URL and the peer
    policy = { allow: [], ports: [80, 443, peer.port] };
    safeFetch = createSafeFetch({ policy, lookup: dns.lookup, timeoutMs: 2_000 });
  });
  after(async () => {
    await safeFetch.close();
    await peer.close();
  });

  const battery = (port: number) => [
    `http://127.0.0.1:${port}/`,
    `http://localhost:${port}/`,
    `http://LOCALHOST.:${port}/`,
    `http://app.localhost:${port}/`,
    `http://[::1]:${port}/`,
    `http://0.0.0.0:${port}/`,
    `http://[::]:${port}/`,
    `http://169.254.169.254:${port}/latest/meta-data/`,
    `http://metadata.google.internal:${port}/computeMetadata/v1/`,
    `http://metadata:${port}/`,
    `http://10.0.0.1:${port}/`,
    `http://10.255.255.254:${port}/`,
    `http://172.16.0.1:${port}/`,
    `http://172.31.255.254:${port}/`,
    `http://192.168.0.1:${port}/`,
    `http://192.168.255.254:${port}/`,
    `http://100.64.0.1:${port}/`,
    `http://100.127.255.254:${port}/`,
    `http://[fc00::1]:${port}/`,
    `http://[fdff:ffff::1]:${port}/`,
    `http://[fe80::1]:${port}/`,
    `http://[febf::1]:${port}/`,
    `http://[::ffff:127.0.0.1]:${port}/`,
    `http://[::ffff:a9fe:a9fe]:${port}/`,
    `http://[0:0:0:0:0:ffff:10.0.0.1]:${port}/`,
    `http://2130706433:${port}/`,
    `http://0177.0.0.1:${port}/`,
    `http://0x7f.1:${port}/`,
    `http://127.1:${port}/`,
    `http://127.0.0.1.nip.io:${port}/`,
    `http://169.254.169.254.nip.io:${port}/`,
    `http://rebound.example.com:${port}/`,
    `http://metadata.example.com:${port}/`,
    `http://ula.example.com:${port}/`,
    `http://mapped.example.com:${port}/`,
    `http://split.example.com:${port}/`,
  ];

  it('refuses each address when a config is saved', async () => {
    for (const url of battery(peer.port))
      await rejectsWith(checkDestinationUrl(url, policy, dns.lookup), PermanentError, REFUSED);
  });

  it('refuses each address when called, and nothing reaches the peer', async () => {
    for (const url of battery(peer.port)) await rejectsWith(safeFetch(url), PermanentError, REFUSED);
    assert.equal(peer.requests.length, 0);
    // the names were resolved and refused on their answer, not skipped
    for (const name of ['127.0.0.1.nip.io', 'rebound.example.com', 'split.example.com'])
      assert.ok(dns.calls.includes(name), name);
  });

  it('refuses credentials in the URL', async () => {
    for (const url of [`http://u@127.0.0.1:${peer.port}/`, 'https://user:pass@example.com/']) {
      await rejectsWith(checkDestinationUrl(url, policy, dns.lookup), PermanentError, /credentials/);
      await rejectsWith(safeFetch(url), PermanentError, /credentials/);
    }
    assert.equal(peer.requests.length, 0);
  });

  it('refuses other schemes', async () => {
    for (const url of [
      'file:///etc/passwd',
      'gopher://127.0.0.1:70/_SET',
      'ftp://example.com/x',
      'data:,x',
    ]) {
      await rejectsWith(checkDestinationUrl(url, policy, dns.lookup), PermanentError, /only http and https/);
      await rejectsWith(safeFetch(url), PermanentError, /only http and https/);
    }
  });

  it('refuses a string that is not a URL', async () => {
    await rejectsWith(checkDestinationUrl('not a url', policy), PermanentError, /not a URL/);
    await rejectsWith(safeFetch('http://[::1'), PermanentError, /not a URL/);
  });
});

describe('ports', () => {
  it('refuses a non-standard port before any DNS lookup', async () => {
    // public answers: only the port check can refuse these
    const dns = testResolver({ 'example.com': ['93.184.216.34'] });
    const safeFetch = createSafeFetch({ policy: DEFAULT_EGRESS, lookup: dns.lookup });
    try {
      await checkDestinationUrl('https://example.com/hook', DEFAULT_EGRESS, dns.lookup);
      for (const port of [22, 25, 6379, 9200, 11211]) {
        const url = `http://example.com:${port}/`;
        const pattern = new RegExp(`port ${port} is not allowed`);
        await rejectsWith(checkDestinationUrl(url, DEFAULT_EGRESS, dns.lookup), PermanentError, pattern);
        await rejectsWith(safeFetch(url), PermanentError, pattern);
      }
      assert.deepEqual(dns.calls, ['example.com']);
    } finally {
      await safeFetch.close();
    }
  });
});

describe('DNS rebinding', () => {
  let peer: HttpPeer;
  before(async () => {
    peer = await startHttpPeer();
  });
  after(() => peer.close());

  it('refuses at connect time a name that resolved to a public address when saved', async () => {
    const dns = testResolver({
      'hooks.example.com': (call) => (call === 0 ? ['93.184.216.34'] : ['127.0.0.1']),
    });
    const policy = { allow: [], ports: [peer.port] };
    const url = `http://hooks.example.com:${peer.port}/`;
    await checkDestinationUrl(url, policy, dns.lookup);
    const safeFetch = createSafeFetch({ policy, lookup: dns.lookup });
    try {
      await rejectsWith(
        safeFetch(url, { method: 'POST', body: 'x' }),
        PermanentError,
        /blocked by the SSRF guard/,
      );
    } finally {
      await safeFetch.close();
    }
    assert.deepEqual(dns.calls, ['hooks.example.com', 'hooks.example.com']);
    assert.equal(peer.requests.length, 0);
  });

  it('treats a name that does not resolve as permanent when saved, transient when called', async () => {
    const dns = testResolver();
    await rejectsWith(
      checkDestinationUrl('https://nowhere.example.com/', DEFAULT_EGRESS, dns.lookup),
      PermanentError,
      /does not resolve/,
    );
    const safeFetch = createSafeFetch({ policy: DEFAULT_EGRESS, lookup: dns.lookup });
    try {
      await rejectsWith(safeFetch('https://nowhere.example.com/'), RetryableError, /ENOTFOUND/);
    } finally {
      await safeFetch.close();
    }
  });
});

describe('the allow-list', () => {
  let peer: HttpPeer;
  let other: HttpPeer;
  let safeFetch: SafeFetch;
  let policy: EgressPolicy;
  const dns = testResolver({
    'hooks.partner.example': ['127.0.0.1'],
    'other.partner.example': ['127.0.0.1'],
  });

  before(async () => {
    peer = await startHttpPeer();
    other = await startHttpPeer();
    policy = { allow: [peer.host, `hooks.partner.example:${peer.port}`], ports: [...DEFAULT_EGRESS.ports] };
    safeFetch = createSafeFetch({ policy, lookup: dns.lookup });
  });
  after(async () => {
    await safeFetch.close();
    await Promise.all([peer.close(), other.close()]);
  });

  it('lets a listed host:port through to the peer, request intact', async () => {
    await checkDestinationUrl(`${peer.url}/in`, policy, dns.lookup);
    const response = await safeFetch(`${peer.url}/in?x=1`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-trace': 't1' },
      body: '{"名":"值"}',
    });
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { ok: true });
    const [request] = peer.requests.slice(-1);
    assert.equal(request.method, 'PUT');
    assert.equal(request.url, '/in?x=1');
    assert.equal(request.headers['x-trace'], 't1');
    assert.deepEqual(request.json, { 名: '值' });
  });

  it('lets a listed name through, dialled at the address it resolves to', async () => {
    const before = peer.requests.length;
    const response = await safeFetch(`http://hooks.partner.example:${peer.port}/named`);
    assert.equal(response.status, 200);
    await response.body?.cancel();
    assert.equal(peer.requests.length, before + 1);
    assert.equal(peer.requests[before].headers.host, `hooks.partner.example:${peer.port}`);
  });

  it('admits only the exact port listed', async () => {
    for (const url of [other.url, `http://hooks.partner.example:${other.port}/`]) {
      await rejectsWith(
        checkDestinationUrl(url, policy, dns.lookup),
        PermanentError,
        /port \d+ is not allowed/,
      );
      await rejectsWith(safeFetch(url), PermanentError, /port \d+ is not allowed/);
    }
    // with the port open, the address guard still refuses 127.0.0.1
    const open = { ...policy, ports: [other.port] };
    const guarded = createSafeFetch({ policy: open, lookup: dns.lookup });
    try {
      for (const url of [other.url, `http://other.partner.example:${other.port}/`]) {
        await rejectsWith(checkDestinationUrl(url, open, dns.lookup), PermanentError, REFUSED);
        await rejectsWith(guarded(url), PermanentError, REFUSED);
      }
    } finally {
      await guarded.close();
    }
    assert.equal(other.requests.length, 0);
  });
});

describe('redirects', () => {
  let peer: HttpPeer;
  let other: HttpPeer;
  let safeFetch: SafeFetch;
  const dns = testResolver({ 'internal.example.com': ['127.0.0.1'] });

  before(async () => {
    peer = await startHttpPeer();
    other = await startHttpPeer();
    // both peers allowed; `internal.example.com` on the second peer's port only passes the shape check
    safeFetch = createSafeFetch({
      policy: { allow: [peer.host, other.host], ports: [80, 443, other.port] },
      lookup: dns.lookup,
      maxRedirects: 3,
    });
  });
  after(async () => {
    await safeFetch.close();
    await Promise.all([peer.close(), other.close()]);
  });

  it('refuses a redirect to the metadata address', async () => {
    peer.setHandler(redirectTo('http://169.254.169.254/latest/meta-data/iam/security-credentials/'));
    await rejectsWith(
      safeFetch(`${peer.url}/hook`),
      PermanentError,
      /169\.254\.169\.254 is a linkLocal address/,
    );
    assert.equal(peer.requests.length, 1);
  });

  it('refuses a redirect to a name that resolves to a private address, at connect time', async () => {
    peer.setHandler(redirectTo(`http://internal.example.com:${other.port}/admin`, 307));
    await rejectsWith(safeFetch(`${peer.url}/hook`), PermanentError, /blocked by the SSRF guard/);
    assert.ok(dns.calls.includes('internal.example.com'), 'the redirect target was resolved');
    assert.equal(other.requests.length, 0);
  });

  it('follows redirects up to the limit, then refuses', async () => {
    const start = peer.requests.length;
    peer.setHandler((req, res) => {
      const hop = Number(new URL(req.url, peer.url).searchParams.get('hop') ?? 0);
      res.writeHead(302, { location: `/loop?hop=${hop + 1}` }).end();
      return true;
    });
    await rejectsWith(safeFetch(`${peer.url}/loop`), PermanentError, /more than 3 redirects/);
    assert.equal(peer.requests.length - start, 4);
  });

  it('arrives after redirects within the limit; 303 continues as GET without the body', async () => {
    peer.setHandler((req, res) => {
      if (req.url === '/a') res.writeHead(307, { location: '/b' }).end();
      else if (req.url === '/b') res.writeHead(303, { location: `${other.url}/c` }).end();
      else return false;
      return true;
    });
    const start = other.requests.length;
    const response = await safeFetch(`${peer.url}/a`, { method: 'POST', body: 'payload' });
    assert.equal(response.status, 200);
    await response.body?.cancel();
    const hops = peer.requests.slice(-2);
    assert.deepEqual(
      hops.map((r) => [r.method, r.url, r.text]),
      [
        ['POST', '/a', 'payload'],
        ['POST', '/b', 'payload'],
      ],
    );
    const [last] = other.requests.slice(start);
    assert.deepEqual([last.method, last.url, last.text], ['GET', '/c', '']);
  });

  it('keeps credentials on the same origin and drops them for another', async () => {
    peer.setHandler((req, res) => {
      if (req.url === '/same') res.writeHead(307, { location: '/landed' }).end();
      else if (req.url === '/away') res.writeHead(307, { location: `${other.url}/landed` }).end();
      else return false;
      return true;
    });
    const headers = { authorization: 'Bearer s3cret', cookie: 'sid=1', 'x-kept': 'yes' };
    await (await safeFetch(`${peer.url}/same`, { method: 'POST', headers, body: 'b' })).body?.cancel();
    const same = peer.requests[peer.requests.length - 1];
    assert.equal(same.url, '/landed');
    assert.equal(same.headers.authorization, 'Bearer s3cret');

    await (await safeFetch(`${peer.url}/away`, { method: 'POST', headers, body: 'b' })).body?.cancel();
    const away = other.requests[other.requests.length - 1];
    assert.equal(away.url, '/landed');
    assert.equal(away.text, 'b');
    assert.equal(away.headers['x-kept'], 'yes');
    assert.equal(away.headers.authorization, undefined);
    assert.equal(away.headers.cookie, undefined);
  });

  it("returns the 3xx with redirect: 'manual' and refuses it with 'error'", async () => {
    peer.setHandler(redirectTo(`${other.url}/elsewhere`));
    const start = other.requests.length;
    const manual = await safeFetch(`${peer.url}/m`, { redirect: 'manual' });
    assert.equal(manual.status, 302);
    assert.equal(manual.headers.get('location'), `${other.url}/elsewhere`);
    await manual.body?.cancel();
    await rejectsWith(
      safeFetch(`${peer.url}/e`, { redirect: 'error' }),
      PermanentError,
      /redirects are not followed/,
    );
    assert.equal(other.requests.length, start);
  });

  it('refuses a redirect to a URL that does not parse', async () => {
    peer.setHandler(redirectTo('http://[::1'));
    await rejectsWith(safeFetch(`${peer.url}/bad`), PermanentError, /invalid URL|not a URL/);
  });
});

describe('network failures', () => {
  it('gives RetryableError when the connection is refused', async () => {
    const gone = await startHttpPeer();
    await gone.close();
    const safeFetch = createSafeFetch({ policy: { ...DEFAULT_EGRESS, allow: [gone.host] } });
    try {
      await rejectsWith(safeFetch(gone.url), RetryableError, /ECONNREFUSED/);
    } finally {
      await safeFetch.close();
    }
  });

  it('gives RetryableError when the peer does not answer in time, or the caller gives up', async () => {
    const hanging = await startHttpPeer(() => new Promise(() => {}));
    const policy = { ...DEFAULT_EGRESS, allow: [hanging.host] };
    const quick = createSafeFetch({ policy, timeoutMs: 300 });
    const patient = createSafeFetch({ policy, timeoutMs: 10_000 });
    try {
      let started = performance.now();
      await rejectsWith(quick(hanging.url), RetryableError, /no answer in time/);
      assert.ok(performance.now() - started < 2_000, 'stopped by the 300 ms timeout');

      started = performance.now();
      await rejectsWith(
        patient(hanging.url, { signal: AbortSignal.timeout(100) }),
        RetryableError,
        /no answer in time/,
      );
      assert.ok(performance.now() - started < 2_000, 'stopped by the caller signal, not the 10 s timeout');
      assert.equal(hanging.requests.length, 2);
    } finally {
      await Promise.all([quick.close(), patient.close()]);
      await hanging.close();
    }
  });
});
