import { AppSurface } from './app.ts';
import { type Activity, MINUTE } from './clock.ts';
import { createCustomer, type MemberLevel } from './customer.ts';
import { marketplaceOrder } from './ecommerce.ts';
import type { Journey } from './journey-state.ts';
import { MiniProgramSurface } from './miniprogram.ts';
import { storeRegistration, storeSale } from './pos.ts';
import { Rng } from './random.ts';
import type { Run } from './run.ts';
import { runSession, type SessionPlan, type Surface } from './session.ts';
import { anyStore, homeStore, PLATFORM_TABLE } from './stores.ts';
import { WebSurface } from './web.ts';
import type { CustomerWriter } from './writer.ts';

/** Plans one customer's period (which channels, how often, when they log in and buy) and writes it. */

const BROWSE_ONLY: SessionPlan = { login: false, register: false, buy: false };

const BUY_RATE: Record<MemberLevel, number> = { 普通会员: 0.12, 银卡: 0.17, 金卡: 0.22, 黑金: 0.3 };

function times(j: Journey, n: number, activity: Activity): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(j.run.clock.sample(j.rng, activity));
  return out.sort((a, b) => a - b);
}

/** Scales the long-tailed activity score into a count ≥ 1. */
function count(j: Journey, factor: number, max: number): number {
  return Math.min(max, Math.max(1, Math.round(j.c.activity * factor * (0.7 + j.rng.next() * 0.6))));
}

function visitorJourney(j: Journey): void {
  const { rng } = j;
  const n = rng.chance(0.72) ? 1 : 2 + rng.int(2);
  const s: Surface = rng.chance(0.75) ? new WebSurface(j) : new MiniProgramSurface(j);
  for (const t of times(j, n, 'online')) runSession(j, s, t, BROWSE_ONLY);
}

function onlineJourney(j: Journey): void {
  const { rng, c } = j;
  const surfaces: Array<[Surface, number]> = [];
  const useWeb = rng.chance(0.5);
  const web = useWeb ? new WebSurface(j) : null;
  /** A second browser / computer, used in the later sessions: one more anonymousId to stitch. */
  const web2 = useWeb && rng.chance(0.25) ? new WebSurface(j) : null;
  if (web !== null) surfaces.push([web, 0.3]);
  if (rng.chance(0.65) || web === null) surfaces.push([new MiniProgramSurface(j), 0.5]);
  if (rng.chance(0.3)) surfaces.push([new AppSurface(j), 0.4]);
  const total = surfaces.reduce((sum, [, w]) => sum + w, 0);

  const when = times(j, count(j, 0.62, 40), 'online');
  const n = when.length;
  const registerAt = c.joinsInPeriod ? (rng.chance(0.6) ? 0 : Math.min(n - 1, 1 + rng.int(2))) : -1;
  const buyRate = BUY_RATE[c.memberLevel];
  for (let i = 0; i < n; i++) {
    let r = rng.next() * total;
    let s = surfaces[0][0];
    for (const [surface, w] of surfaces) {
      s = surface;
      r -= w;
      if (r < 0) break;
    }
    if (s === web && web2 !== null && i > n / 2) s = web2;
    const canLogin = i > registerAt;
    runSession(j, s, when[i], {
      register: i === registerAt,
      login: canLogin && rng.chance(0.55),
      buy: canLogin && rng.chance(buyRate),
    });
  }
  if (rng.chance(0.2)) {
    const store = homeStore(rng, c.region);
    const after = registerAt >= 0 ? when[registerAt] : 0;
    for (const t of times(j, 1 + rng.int(3), 'store')) if (t > after) storeSale(j, t, store, true);
  }
  if (rng.chance(0.08)) {
    const bound = rng.chance(0.5);
    marketplaceOrder(j, j.run.clock.sample(rng, 'online'), c.platform, bound && !c.joinsInPeriod);
  }
}

function storeJourney(j: Journey): void {
  const { rng, c } = j;
  const store = homeStore(rng, c.region);
  const member = c.memberNo !== null;
  const visits = times(j, count(j, 0.6, 30), 'store');
  let joinedAt = 0;
  if (c.joinsInPeriod) {
    joinedAt = visits[0] - 3 * MINUTE;
    if (c.wechat !== null && rng.chance(0.7)) new MiniProgramSurface(j).registerInStore(joinedAt, store);
    else storeRegistration(j, joinedAt, store);
  }
  for (const t of visits) storeSale(j, t, rng.chance(0.85) ? store : anyStore(rng), member);
  if (member && c.wechat !== null && rng.chance(0.4)) {
    const mini = new MiniProgramSurface(j);
    const buyRate = BUY_RATE[c.memberLevel] / 2;
    for (const t of times(j, 1 + rng.int(3), 'online')) {
      if (t > joinedAt) runSession(j, mini, t, { register: false, login: true, buy: rng.chance(buyRate) });
    }
  }
}

function marketplaceJourney(j: Journey): void {
  const { rng, c } = j;
  const bound = c.memberNo !== null;
  for (const t of times(j, count(j, 0.5, 20), 'online')) {
    marketplaceOrder(j, t, rng.chance(0.85) ? c.platform : PLATFORM_TABLE.pick(rng), bound);
  }
  if (rng.chance(0.2)) runSession(j, new WebSurface(j), j.run.clock.sample(rng, 'online'), BROWSE_ONLY);
  if (rng.chance(0.1)) storeSale(j, j.run.clock.sample(rng, 'store'), homeStore(rng, c.region), bound);
}

/** Writes every message of customer `index` into `w` (unsorted; the writer sorts). */
export function writeCustomer(run: Run, index: number, w: CustomerWriter): void {
  const rng = new Rng(run.seed, 1, index);
  const j: Journey = { run, c: createCustomer(run, rng, index), rng, w };
  switch (j.c.archetype) {
    case 'visitor':
      visitorJourney(j);
      break;
    case 'online':
      onlineJourney(j);
      break;
    case 'store':
      storeJourney(j);
      break;
    case 'marketplace':
      marketplaceJourney(j);
      break;
  }
}
