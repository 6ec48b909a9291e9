import { describe, expect, it } from 'vitest';
import { basicAuthHeader, buildSnippets, jsString, segmentApiHost, shellQuote } from './snippets.ts';

const input = { writeKey: 'wk_TEST123', origin: 'http://localhost:3000' };

describe('snippets', () => {
  const s = buildSnippets(input);

  it('fills the write key and origin into every snippet', () => {
    for (const [name, text] of Object.entries(s)) {
      expect(text, name).toContain(name === 'wx' ? basicAuthHeader(input.writeKey) : input.writeKey);
      expect(text, name).toContain('localhost:3000');
    }
  });

  it('configures analytics-next with cdnURL and the Segment.io api host', () => {
    expect(s.webNpm).toContain(
      "AnalyticsBrowser.load(\n  { writeKey: 'wk_TEST123', cdnURL: 'http://localhost:3000' }",
    );
    expect(s.webNpm).toContain("apiHost: 'localhost:3000/v1', protocol: 'http'");
    expect(s.webClassic).toContain('analytics._cdn="http://localhost:3000"');
    expect(s.webClassic).toContain(
      't.src="http://localhost:3000"+"/analytics.js/v1/"+key+"/analytics.min.js"',
    );
    expect(s.webClassic).toContain('analytics.load("wk_TEST123"');
  });

  it('configures the Node and RudderStack SDKs', () => {
    expect(s.node).toContain("new Analytics({ writeKey: 'wk_TEST123', host: 'http://localhost:3000' })");
    expect(s.rudderJs).toContain("analytics.load('wk_TEST123', 'http://localhost:3000'");
    expect(s.rudderNode).toContain("new Analytics('wk_TEST123', { dataPlaneUrl: 'http://localhost:3000' })");
  });

  it('builds a curl command with basic auth against /v1/track', () => {
    expect(s.curl).toContain("curl -u 'wk_TEST123:'");
    expect(s.curl).toContain("'http://localhost:3000/v1/track'");
    const body = s.curl.match(/-d '([^']*)'/)?.[1];
    expect(JSON.parse(body ?? '')).toMatchObject({ event: 'Order Completed', userId: 'user-123' });
  });

  it('uses a Basic authorization header for wx.request', () => {
    expect(basicAuthHeader('wk_TEST123')).toBe('Basic d2tfVEVTVDEyMzo=');
    expect(basicAuthHeader('密钥')).toBe('Basic 5a+G6ZKlOg==');
    expect(s.wx).toContain("url: 'http://localhost:3000/v1/track'");
  });

  it('strips a trailing slash from the origin', () => {
    expect(buildSnippets({ ...input, origin: 'https://cdp.example.com/' }).curl).toContain(
      "'https://cdp.example.com/v1/track'",
    );
    expect(segmentApiHost('https://cdp.example.com/')).toEqual({
      apiHost: 'cdp.example.com/v1',
      protocol: 'https',
    });
  });

  it('escapes hostile values', () => {
    expect(jsString("a'b\\c</script>")).toBe("'a\\'b\\\\c\\u003c/script>'");
    const evil = buildSnippets({ writeKey: "x'</script><script>alert(1)</script>", origin: 'http://h' });
    expect(evil.webClassic.match(/<\/script>/g)).toHaveLength(1);
    expect(new Function(`return ${jsString("it's")}`)()).toBe("it's");
  });

  it('quotes shell words', () => {
    expect(shellQuote("it's $HOME")).toBe("'it'\\''s $HOME'");
  });
});
