import { type Campaign, randomCampaign, randomReferrer } from './campaigns.ts';
import { BRAND, CATEGORY_SLUGS } from './catalog.ts';
import { type Browser, randomBrowser, WEB_LIBRARY } from './devices.ts';
import type { Journey } from './journey-state.ts';
import { Weighted } from './random.ts';
import { gap, type Step, type Surface, type ViewDetail } from './session.ts';
import { profileTraits } from './traits.ts';
import type { Ids } from './writer.ts';

/** The brand's web shop (analytics.js): page + track calls with context.page, UTM campaigns. */

export const WEB_ORIGIN = 'https://www.lanyue.example';
const SITE = `${BRAND} LANYUE 官方商城`;

const STATIC_PAGES: Record<
  Exclude<Step, 'list' | 'product' | 'search'>,
  readonly [path: string, name: string]
> = {
  home: ['/', '首页'],
  cart: ['/cart', '购物车'],
  checkout: ['/checkout', '结算'],
  success: ['/checkout/success', '支付成功'],
  login: ['/account/login', '登录'],
  register: ['/account/register', '注册'],
  member: ['/member', '会员中心'],
};

function landingName(path: string): string {
  if (path === '/') return '首页';
  if (path.startsWith('/product/')) return '商品详情';
  if (path.startsWith('/category/')) return '商品列表';
  if (path === '/member') return '会员中心';
  return '活动落地页';
}

const PAYMENTS = new Weighted<string>([
  ['支付宝', 50],
  ['微信支付', 40],
  ['银联', 10],
]);

export class WebSurface implements Surface {
  readonly source = 'web';
  readonly affiliation = '官网商城';
  loggedIn = false;
  private readonly browser: Browser;
  private readonly anonymousId: string;
  private readonly ip: string;
  private page: Record<string, unknown> = {};
  private campaign: Campaign | null = null;

  constructor(private readonly j: Journey) {
    this.browser = randomBrowser(j.rng);
    this.anonymousId = j.rng.uuid();
    this.ip = this.browser.mobile ? j.c.mobileIp : j.c.homeIp;
  }

  ids(): Ids {
    return this.loggedIn
      ? { userId: this.j.c.memberNo!, anonymousId: this.anonymousId }
      : { anonymousId: this.anonymousId };
  }

  context(withPage = true): Record<string, unknown> {
    const ctx: Record<string, unknown> = {
      library: WEB_LIBRARY,
      ip: this.ip,
      userAgent: this.browser.userAgent,
      locale: 'zh-CN',
      timezone: 'Asia/Shanghai',
    };
    if (withPage) ctx.page = this.page;
    if (this.campaign !== null) ctx.campaign = this.campaign.context;
    return ctx;
  }

  open(t: number): number {
    const rng = this.j.rng;
    this.campaign = rng.chance(0.3) ? randomCampaign(rng) : null;
    const c = this.campaign;
    if (c !== null) this.render(t, c.path, landingName(c.path), c.search, c.referrer);
    else this.render(t, '/', '首页', '', randomReferrer(rng));
    return t;
  }

  view(t: number, step: Step, detail?: ViewDetail): void {
    const referrer = String(this.page.url ?? '');
    if (step === 'product' && detail?.product) {
      const p = detail.product;
      this.render(t, `/product/${p.productId}`, '商品详情', '', referrer, p.name);
    } else if (step === 'list' && detail?.category) {
      this.render(
        t,
        `/category/${CATEGORY_SLUGS[detail.category]}`,
        '商品列表',
        '',
        referrer,
        detail.category,
      );
    } else if (step === 'search' && detail?.term) {
      this.render(
        t,
        '/search',
        '搜索结果',
        `?q=${encodeURIComponent(detail.term)}`,
        referrer,
        `“${detail.term}”的搜索结果`,
      );
    } else if (step !== 'list' && step !== 'product' && step !== 'search') {
      const [path, name] = STATIC_PAGES[step];
      this.render(t, path, name, '', referrer);
    }
  }

  private render(
    t: number,
    path: string,
    name: string,
    search: string,
    referrer: string,
    heading = name,
  ): void {
    const url = WEB_ORIGIN + path + search;
    const title = name === '首页' ? SITE : `${heading} - ${SITE}`;
    this.page = { path, referrer, search, title, url };
    this.j.w.page('web', t, this.ids(), name, { path, referrer, search, title, url }, this.context());
  }

  login(t: number): number {
    this.view(t, 'login');
    this.loggedIn = true;
    const end = t + gap(this.j, 40);
    this.j.w.identify('web', end, this.ids(), profileTraits(this.j, 'login'), this.context());
    return end;
  }

  register(t: number): number {
    const { c, w } = this.j;
    this.view(t, 'register');
    this.loggedIn = true;
    const end = t + gap(this.j, 90);
    c.memberSince = end;
    c.registrationChannel = '官网';
    return w.signUp('web', end, this.ids(), profileTraits(this.j, 'full'), '官网', this.context());
  }

  paymentMethod(): string {
    return PAYMENTS.pick(this.j.rng);
  }
}
