import { writeCustomer } from './journey.ts';
import { createRun, type Run } from './run.ts';
import type { DemoBatch, DemoMessage, DemoOptions, DemoSourceKey } from './sources.ts';
import { CustomerWriter } from './writer.ts';

/** Maximum messages per yielded batch. */
export const DEMO_BATCH_SIZE = 500;

/** Per-source buffers; full ones are queued as batches. */
class Batcher {
  readonly ready: DemoBatch[] = [];
  private readonly buffers: Record<DemoSourceKey, DemoMessage[]> = {
    web: [],
    miniprogram: [],
    app: [],
    pos: [],
    ecommerce: [],
  };

  readonly push = (source: DemoSourceKey, message: DemoMessage): void => {
    const buffer = this.buffers[source];
    buffer.push(message);
    if (buffer.length >= DEMO_BATCH_SIZE) {
      this.ready.push({ source, messages: buffer });
      this.buffers[source] = [];
    }
  };

  flush(): void {
    for (const source of Object.keys(this.buffers) as DemoSourceKey[]) {
      const buffer = this.buffers[source];
      if (buffer.length > 0) this.ready.push({ source, messages: buffer });
      this.buffers[source] = [];
    }
  }
}

/**
 * Streams the demo data set as batches of ≤ 500 messages of one source each. Customers are generated
 * one after the other (memory stays flat); within a source, a customer's messages are in
 * chronological order. Pure: the same options always give the same batches, byte for byte.
 */
export function* generateDemo(options: DemoOptions): Generator<DemoBatch> {
  const run = createRun(options);
  const writer = new CustomerWriter(run.idPrefix, run.clock.start, run.clock.end);
  const batcher = new Batcher();
  for (let index = 0; index < run.profiles; index++) {
    writer.reset(index);
    writeCustomer(run, index, writer);
    writer.drain(batcher.push);
    if (batcher.ready.length > 0) yield* batcher.ready.splice(0);
  }
  batcher.flush();
  yield* batcher.ready.splice(0);
}

function countCustomer(run: Run, writer: CustomerWriter, index: number): number {
  writer.reset(index);
  writeCustomer(run, index, writer);
  return writer.size;
}

/** Customers simulated to estimate large runs (≈ 0.5 s of work). */
const SAMPLE = 16_000;

/**
 * Messages `generateDemo(options)` will yield: exact up to 16,000 profiles, else extrapolated from
 * 16,000 customers spread over the whole index range (typically within ±3 %).
 */
export function estimateDemoMessages(options: DemoOptions): number {
  const run = createRun(options);
  const writer = new CustomerWriter(run.idPrefix, run.clock.start, run.clock.end);
  if (run.profiles <= SAMPLE) {
    let total = 0;
    for (let i = 0; i < run.profiles; i++) total += countCustomer(run, writer, i);
    return total;
  }
  let sampled = 0;
  for (let k = 0; k < SAMPLE; k++)
    sampled += countCustomer(run, writer, Math.floor(((k + 0.5) * run.profiles) / SAMPLE));
  return Math.round((sampled / SAMPLE) * run.profiles);
}
