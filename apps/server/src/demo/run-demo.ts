import cliProgress from 'cli-progress';
import type { Services } from '../app.ts';
import { DEFAULT_WORKSPACE } from '../modules/auth/index.ts';
import type { SourceRef } from '../modules/sources/index.ts';
import { DEMO_SOURCES, type DemoSourceKey, estimateDemoMessages, generateDemo } from './index.ts';

export interface DemoRunOptions {
  readonly profiles: number;
  readonly seed: number;
  readonly days: number;
  readonly progress: boolean;
}

export interface DemoSummary {
  readonly profiles: number;
  readonly messages: number;
  readonly accepted: number;
  readonly duplicates: number;
  readonly rejected: number;
  readonly seconds: number;
  readonly sources: Record<string, string>;
}

const IN_FLIGHT = 8;

/** The demo period ends at the start of today (UTC), so one seed gives the same data all day. */
function demoNow(): Date {
  const d = new Date();
  d.setUTCHours(0, 0, 0, 0);
  return d;
}

/**
 * Generates the demo data set and sends it through the real ingestion pipeline (validation, dedupe,
 * group commit), so running it twice stores nothing new.
 */
export async function runDemo(services: Services, options: DemoRunOptions): Promise<DemoSummary> {
  const started = Date.now();
  const existing = await services.sources.list(DEFAULT_WORKSPACE);
  const refs = new Map<DemoSourceKey, SourceRef>();
  for (const def of DEMO_SOURCES) {
    const source =
      existing.find((s) => s.name === def.name) ??
      (await services.sources.create(DEFAULT_WORKSPACE, { name: def.name, type: def.type }));
    refs.set(def.key, { id: source.id, workspaceId: DEFAULT_WORKSPACE, name: source.name, enabled: true });
  }
  const demo = { profiles: options.profiles, seed: options.seed, days: options.days, now: demoNow() };
  const bar = options.progress
    ? new cliProgress.SingleBar(
        { format: 'demo |{bar}| {percentage}% {value}/{total} messages {eta_formatted}' },
        cliProgress.Presets.shades_classic,
      )
    : null;
  bar?.start(estimateDemoMessages(demo), 0);
  const totals = { messages: 0, accepted: 0, duplicates: 0, rejected: 0 };
  const inFlight = new Set<Promise<void>>();
  for (const batch of generateDemo(demo)) {
    const source = refs.get(batch.source);
    if (!source) throw new Error(`unknown demo source ${batch.source}`);
    const p = services.ingest
      .ingest(source, batch.messages, null, {
        receivedAt: new Date(),
        requestIp: null,
        userAgent: 'cdp-demo',
      })
      .then((r) => {
        totals.messages += batch.messages.length;
        totals.accepted += r.accepted;
        totals.duplicates += r.duplicates;
        totals.rejected += r.rejected.length;
        bar?.increment(batch.messages.length);
      })
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
    if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  bar?.stop();
  return {
    profiles: options.profiles,
    ...totals,
    seconds: (Date.now() - started) / 1000,
    sources: Object.fromEntries([...refs].map(([k, v]) => [k, v.id])),
  };
}
