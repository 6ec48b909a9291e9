/**
 * Install snippets for a source, with its real write key and the server origin filled in.
 * Pure functions (unit-tested). Values are escaped for the language they are embedded in.
 */

export interface SnippetInput {
  readonly writeKey: string;
  /** e.g. `window.location.origin` → `https://cdp.example.com` */
  readonly origin: string;
}

export interface Snippets {
  readonly webNpm: string;
  readonly webClassic: string;
  readonly node: string;
  readonly curl: string;
  readonly wx: string;
  readonly rudderJs: string;
  readonly rudderNode: string;
}

/** A single-quoted JavaScript string literal; `<` is escaped so the text is also safe inside <script>. */
export function jsString(value: string): string {
  const body = value
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
    .replace(/</g, '\\u003c');
  return `'${body}'`;
}

/** A double-quoted JavaScript string literal (JSON), with `<` escaped for inline <script>. */
function jsonString(value: string): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** A POSIX shell single-quoted word. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Base64 of the UTF-8 bytes (btoa alone only accepts Latin-1). */
export function base64(value: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(value)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The `Authorization` header of the Tracking API: Basic auth, user = write key, empty password. */
export function basicAuthHeader(writeKey: string): string {
  return `Basic ${base64(`${writeKey}:`)}`;
}

/** analytics.js settings for its "Segment.io" integration: host (+ `/v1`) and protocol of the origin. */
export function segmentApiHost(origin: string): { apiHost: string; protocol: 'http' | 'https' } {
  const trimmed = origin.replace(/\/+$/, '');
  try {
    const url = new URL(trimmed);
    const path = url.pathname.replace(/\/+$/, '');
    return { apiHost: `${url.host}${path}/v1`, protocol: url.protocol === 'http:' ? 'http' : 'https' };
  } catch {
    return { apiHost: `${trimmed.replace(/^[a-z]+:\/\//i, '')}/v1`, protocol: 'https' };
  }
}

const SAMPLE_PROPERTIES = { orderId: 'o-1001', revenue: 99.9, currency: 'CNY' } as const;

export function buildSnippets(input: SnippetInput): Snippets {
  const origin = input.origin.replace(/\/+$/, '');
  const key = jsString(input.writeKey);
  const host = jsString(origin);
  const { apiHost, protocol } = segmentApiHost(origin);
  const trackBody = JSON.stringify({
    userId: 'user-123',
    event: 'Order Completed',
    properties: SAMPLE_PROPERTIES,
  });

  const webNpm = `import { AnalyticsBrowser } from '@segment/analytics-next';

export const analytics = AnalyticsBrowser.load(
  { writeKey: ${key}, cdnURL: ${host} },
  { integrations: { 'Segment.io': { apiHost: ${jsString(apiHost)}, protocol: '${protocol}' } } },
);

analytics.identify('user-123', { email: 'jane@example.com' });
analytics.track('Order Completed', { orderId: 'o-1001', revenue: 99.9, currency: 'CNY' });`;

  const k = jsonString(input.writeKey);
  const webClassic = `<script>
  !function(){var i="analytics",analytics=window[i]=window[i]||[];if(!analytics.initialize)if(analytics.invoked)window.console&&console.error&&console.error("Segment snippet included twice.");else{analytics.invoked=!0;analytics.methods=["trackSubmit","trackClick","trackLink","trackForm","pageview","identify","reset","group","track","ready","alias","debug","page","screen","once","off","on","addSourceMiddleware","addIntegrationMiddleware","setAnonymousId","addDestinationMiddleware","register"];analytics.factory=function(e){return function(){if(window[i].initialized)return window[i][e].apply(window[i],arguments);var n=Array.prototype.slice.call(arguments);if(["track","screen","alias","group","page","identify"].indexOf(e)>-1){var c=document.querySelector("link[rel='canonical']");n.push({__t:"bpc",c:c&&c.getAttribute("href")||void 0,p:location.pathname,u:location.href,s:location.search,t:document.title,r:document.referrer})}n.unshift(e);analytics.push(n);return analytics}};for(var n=0;n<analytics.methods.length;n++){var key=analytics.methods[n];analytics[key]=analytics.factory(key)}analytics.load=function(key,n){var t=document.createElement("script");t.type="text/javascript";t.async=!0;t.setAttribute("data-global-segment-analytics-key",i);t.src=${jsonString(origin)}+"/analytics.js/v1/"+key+"/analytics.min.js";var r=document.getElementsByTagName("script")[0];r.parentNode.insertBefore(t,r);analytics._loadOptions=n};analytics._writeKey=${k};analytics._cdn=${jsonString(origin)};analytics.SNIPPET_VERSION="5.2.0";
  analytics.load(${k},{integrations:{"Segment.io":{apiHost:${jsonString(apiHost)},protocol:"${protocol}"}}});
  analytics.page();
  }}();
</script>`;

  const node = `import { Analytics } from '@segment/analytics-node';

const analytics = new Analytics({ writeKey: ${key}, host: ${host} });

analytics.track({
  userId: 'user-123',
  event: 'Order Completed',
  properties: { orderId: 'o-1001', revenue: 99.9, currency: 'CNY' },
});

await analytics.closeAndFlush();`;

  const curl = `curl -u ${shellQuote(`${input.writeKey}:`)} \\
  -H 'content-type: application/json' \\
  -d ${shellQuote(trackBody)} \\
  ${shellQuote(`${origin}/v1/track`)}`;

  const wx = `wx.request({
  url: ${jsString(`${origin}/v1/track`)},
  method: 'POST',
  header: {
    'content-type': 'application/json',
    Authorization: ${jsString(basicAuthHeader(input.writeKey))},
  },
  data: {
    userId: 'user-123',
    event: 'Order Completed',
    properties: { orderId: 'o-1001', revenue: 99.9, currency: 'CNY' },
    context: { library: { name: 'wechat-miniprogram', version: '1.0.0' } },
  },
  success(res) {
    console.log(res.statusCode, res.data);
  },
});`;

  const rudderJs = `import { RudderAnalytics } from '@rudderstack/analytics-js';

const analytics = new RudderAnalytics();
analytics.load(${key}, ${host}, { configUrl: ${host} });

analytics.identify('user-123', { email: 'jane@example.com' });
analytics.track('Order Completed', { orderId: 'o-1001', revenue: 99.9, currency: 'CNY' });`;

  const rudderNode = `import Analytics from '@rudderstack/rudder-sdk-node';

const client = new Analytics(${key}, { dataPlaneUrl: ${host} });

client.track({
  userId: 'user-123',
  event: 'Order Completed',
  properties: { orderId: 'o-1001', revenue: 99.9, currency: 'CNY' },
});

await client.flush();`;

  return { webNpm, webClassic, node, curl, wx, rudderJs, rudderNode };
}
