import { tmpdir } from 'node:os';
import pino from 'pino';
import type { DestinationContext, DestinationType } from './destination.ts';
import { destinationContext } from './destination-context.ts';
import { MemoryDestinationState } from './destination-state.ts';
import { createSafeFetch, DEFAULT_EGRESS } from './safe-fetch.ts';

/**
 * A real context for calling a destination's `send` in a test: the real guarded fetch (allowing
 * only `allow`, e.g. the local peer's `127.0.0.1:port`), real templates and state. `close()` frees
 * connections and resources.
 */
export function testContext<C>(
  type: DestinationType<C>,
  config: unknown,
  options: {
    allow?: readonly string[];
    timeoutMs?: number;
    destinationId?: string;
    /** where file destinations may write (a temporary directory of the test) */
    exportRoot?: string;
  } = {},
): { ctx: DestinationContext<C>; state: MemoryDestinationState; close(): Promise<void> } {
  const fetch = createSafeFetch({
    policy: { ...DEFAULT_EGRESS, allow: options.allow ?? [] },
    timeoutMs: options.timeoutMs ?? 5_000,
  });
  const state = new MemoryDestinationState();
  const ctx = destinationContext({
    destinationId: options.destinationId ?? 'dst_test',
    config: type.configSchema.parse(config),
    fetch,
    state,
    log: pino({ level: 'silent' }),
    signal: new AbortController().signal,
    exportRoot: options.exportRoot ?? tmpdir(),
  });
  return {
    ctx,
    state,
    close: async () => {
      await state.close();
      await fetch.close();
    },
  };
}
