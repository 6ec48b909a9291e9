/** The demo brand's data sources and the public types of the generator. */

export type DemoSourceKey = 'web' | 'miniprogram' | 'app' | 'pos' | 'ecommerce';

export type DemoSourceType = 'web' | 'app' | 'server' | 'miniprogram' | 'crm' | 'pos';

export const DEMO_SOURCES: ReadonlyArray<{ key: DemoSourceKey; name: string; type: DemoSourceType }> = [
  { key: 'web', name: '官网商城 Web', type: 'web' },
  { key: 'miniprogram', name: '微信小程序 会员商城', type: 'miniprogram' },
  { key: 'app', name: '澜悦 App（iOS / Android）', type: 'app' },
  { key: 'pos', name: '门店收银 POS', type: 'pos' },
  { key: 'ecommerce', name: '电商平台 天猫 / 京东 / 抖音', type: 'server' },
];

export interface DemoOptions {
  /** Number of customers (people) to simulate; each yields ~10 messages on average. */
  profiles: number;
  seed: number;
  /** Length of the period, ending at `now`. Default 90. */
  days?: number;
  /** End of the period. Default: DEFAULT_DEMO_NOW (the generator never reads the system clock). */
  now?: Date;
}

/** 2025-12-01 00:00 China time: a 90-day period then covers 国庆, the 双11 pre-sale and 双11. */
export const DEFAULT_DEMO_NOW = new Date('2025-11-30T16:00:00.000Z');

export interface DemoBatch {
  source: DemoSourceKey;
  messages: Array<Record<string, unknown>>;
}

export type DemoMessageType = 'identify' | 'track' | 'page' | 'screen' | 'alias';

/** A Segment message as generated (a plain JSON-able object). */
export type DemoMessage = {
  type: DemoMessageType;
  messageId: string;
  timestamp: string;
  userId?: string;
  anonymousId?: string;
  previousId?: string;
  event?: string;
  name?: string;
  properties?: Record<string, unknown>;
  traits?: Record<string, unknown>;
  context: Record<string, unknown>;
  channel: 'client' | 'mobile' | 'server';
};
