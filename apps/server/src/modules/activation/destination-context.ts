import type { Logger } from 'pino';
import type { DestinationContext, DestinationState } from './destination.ts';
import type { SafeFetch } from './safe-fetch.ts';
import { renderTemplate } from './templates.ts';

/** The context a destination's `send` gets: its config, the guarded fetch, its state, templates. */
export function destinationContext<C>(args: {
  readonly destinationId: string;
  /** parsed by the type's schema */
  readonly config: C;
  readonly fetch: SafeFetch;
  readonly state: DestinationState;
  readonly log: Logger;
  readonly signal: AbortSignal;
  readonly exportRoot: string;
}): DestinationContext<C> {
  return {
    config: args.config,
    destinationId: args.destinationId,
    fetch: (url, init) => args.fetch(url, { ...init, signal: init?.signal ?? args.signal }),
    log: args.log,
    signal: args.signal,
    state: args.state,
    exportRoot: args.exportRoot,
    render: renderTemplate,
  };
}
