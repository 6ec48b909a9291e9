import { isoChina, isoUtc } from './clock.ts';
import type { DemoMessage, DemoMessageType, DemoSourceKey } from './sources.ts';

/** Who a message is about: at least one of the two. */
export interface Ids {
  readonly userId?: string;
  readonly anonymousId?: string;
}

const CHANNEL: Record<DemoSourceKey, DemoMessage['channel']> = {
  web: 'client',
  miniprogram: 'client',
  app: 'mobile',
  pos: 'server',
  ecommerce: 'server',
};

/** Server-side sources (POS, marketplace sync) send China local time with its offset; SDKs send UTC. */
const LOCAL_TIME: Record<DemoSourceKey, boolean> = {
  web: false,
  miniprogram: false,
  app: false,
  pos: true,
  ecommerce: true,
};

function begin(type: DemoMessageType, ids: Ids): DemoMessage {
  const { userId, anonymousId } = ids;
  if (userId !== undefined && anonymousId !== undefined) {
    return { type, messageId: '', timestamp: '', userId, anonymousId } as DemoMessage;
  }
  if (userId !== undefined) return { type, messageId: '', timestamp: '', userId } as DemoMessage;
  if (anonymousId === undefined) throw new Error('demo: a message needs a userId or an anonymousId');
  return { type, messageId: '', timestamp: '', anonymousId } as DemoMessage;
}

/**
 * Collects the messages of ONE customer (in any order), then hands them out sorted by time, with
 * messageIds `demo-<seed>-<customer>-<n>` numbered chronologically and timestamps clamped to the period.
 */
export class CustomerWriter {
  private readonly times: number[] = [];
  private readonly sources: DemoSourceKey[] = [];
  private readonly messages: DemoMessage[] = [];
  private order: number[] = [];
  private index = 0;

  constructor(
    private readonly idPrefix: string,
    private readonly start: number,
    private readonly end: number,
  ) {}

  reset(index: number): void {
    this.index = index;
    this.times.length = 0;
    this.sources.length = 0;
    this.messages.length = 0;
  }

  get size(): number {
    return this.messages.length;
  }

  private add(
    source: DemoSourceKey,
    t: number,
    m: DemoMessage,
    context: Record<string, unknown>,
  ): DemoMessage {
    m.context = context;
    m.channel = CHANNEL[source];
    this.times.push(Math.min(this.end, Math.max(this.start, t)));
    this.sources.push(source);
    this.messages.push(m);
    return m;
  }

  track(
    source: DemoSourceKey,
    t: number,
    ids: Ids,
    event: string,
    properties: Record<string, unknown>,
    context: Record<string, unknown>,
  ): void {
    const m = begin('track', ids);
    m.event = event;
    m.properties = properties;
    this.add(source, t, m, context);
  }

  page(
    source: DemoSourceKey,
    t: number,
    ids: Ids,
    name: string,
    properties: Record<string, unknown>,
    context: Record<string, unknown>,
  ): void {
    this.named('page', source, t, ids, name, properties, context);
  }

  screen(
    source: DemoSourceKey,
    t: number,
    ids: Ids,
    name: string,
    properties: Record<string, unknown>,
    context: Record<string, unknown>,
  ): void {
    this.named('screen', source, t, ids, name, properties, context);
  }

  private named(
    type: 'page' | 'screen',
    source: DemoSourceKey,
    t: number,
    ids: Ids,
    name: string,
    properties: Record<string, unknown>,
    context: Record<string, unknown>,
  ): void {
    const m = begin(type, ids);
    m.name = name;
    m.properties = properties;
    this.add(source, t, m, context);
  }

  /** A member registration: the identify with the profile, then `Signed Up` five minutes later. */
  signUp(
    source: DemoSourceKey,
    t: number,
    ids: Ids,
    traits: Record<string, unknown>,
    channel: string,
    context: Record<string, unknown>,
  ): number {
    this.identify(source, t, ids, traits, context);
    this.track(
      source,
      t + 300,
      ids,
      'Signed Up',
      { method: 'phone_sms', registration_channel: channel },
      context,
    );
    return t + 300;
  }

  identify(
    source: DemoSourceKey,
    t: number,
    ids: Ids,
    traits: Record<string, unknown>,
    context: Record<string, unknown>,
  ): void {
    const m = begin('identify', ids);
    m.traits = traits;
    this.add(source, t, m, context);
  }

  alias(
    source: DemoSourceKey,
    t: number,
    userId: string,
    previousId: string,
    context: Record<string, unknown>,
  ): void {
    const m = begin('alias', { userId });
    m.previousId = previousId;
    this.add(source, t, m, context);
  }

  /** Emits the collected messages in chronological order (stable for equal times) and empties the writer. */
  drain(emit: (source: DemoSourceKey, message: DemoMessage) => void): number {
    const n = this.messages.length;
    const order = this.order;
    order.length = n;
    for (let i = 0; i < n; i++) order[i] = i;
    const times = this.times;
    order.sort((a, b) => times[a] - times[b] || a - b);
    const prefix = `${this.idPrefix}${this.index}-`;
    for (let k = 0; k < n; k++) {
      const i = order[k];
      const m = this.messages[i];
      const source = this.sources[i];
      m.messageId = prefix + (k + 1);
      m.timestamp = LOCAL_TIME[source] ? isoChina(times[i]) : isoUtc(times[i]);
      emit(source, m);
    }
    this.reset(this.index);
    return n;
  }
}
