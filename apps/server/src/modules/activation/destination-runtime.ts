import type { Purpose } from '@cdp/protocol';
import type { Logger } from 'pino';
import { type BreakerOptions, CircuitBreaker, TokenBucket } from './delivery-policy.ts';
import type { DestinationContext, DestinationType } from './destination.ts';
import { destinationContext } from './destination-context.ts';
import { MemoryDestinationState } from './destination-state.ts';
import type { DeliveryRow, LoadedMessage } from './load-messages.ts';
import type { SafeFetch } from './safe-fetch.ts';

/** A destination as stored (the worker's view). */
export interface DestinationRecord {
  workspace_id: string;
  id: string;
  name: string;
  type: string;
  config: Record<string, unknown>;
  secrets: Record<string, unknown>;
  purposes: Purpose[];
  enabled: boolean;
  concurrency: number;
  rate_per_second: number | null;
  retry_hours: number;
  version: number;
}

export interface RuntimeDeps {
  readonly fetch: SafeFetch;
  readonly log: Logger;
  readonly exportRoot: string;
  readonly breaker?: BreakerOptions;
}

/**
 * One destination in this process: its parsed config (secrets merged in), its state (tokens,
 * connections), its circuit breaker and rate limit, and how many deliveries are in flight. Rebuilt
 * when the destination's version changes.
 */
export class DestinationRuntime {
  readonly state = new MemoryDestinationState();
  readonly breaker: CircuitBreaker;
  readonly bucket: TokenBucket | null;
  inFlight = 0;
  /** claimed deliveries waiting for a free slot, with their loaded messages */
  readonly backlog: Array<{ readonly row: DeliveryRow; readonly loaded: LoadedMessage | undefined }> = [];
  /** why every delivery fails (the stored config no longer parses), or null */
  readonly broken: string | null;
  private readonly config: unknown;
  private readonly log: Logger;

  constructor(
    readonly record: DestinationRecord,
    readonly type: DestinationType<unknown>,
    private readonly deps: RuntimeDeps,
  ) {
    this.breaker = new CircuitBreaker(deps.breaker);
    this.log = deps.log.child({ destination: record.id });
    this.bucket = record.rate_per_second ? new TokenBucket(record.rate_per_second, Date.now()) : null;
    const parsed = type.configSchema.safeParse({ ...record.config, ...record.secrets });
    this.config = parsed.success ? parsed.data : undefined;
    this.broken = parsed.success ? null : `config no longer valid: ${parsed.error.message.slice(0, 500)}`;
  }

  /** The context of one delivery, aborted by `signal`. */
  context(signal: AbortSignal): DestinationContext<unknown> {
    return destinationContext({
      destinationId: this.record.id,
      config: this.config,
      fetch: this.deps.fetch,
      state: this.state,
      log: this.log,
      signal,
      exportRoot: this.deps.exportRoot,
    });
  }

  close(): Promise<void> {
    return this.state.close();
  }
}
