import { randomPush } from './campaigns.ts';
import { type AppInstall, appInstall } from './devices.ts';
import type { Journey } from './journey-state.ts';
import { Weighted } from './random.ts';
import { gap, type Step, type Surface, type ViewDetail } from './session.ts';
import { profileTraits } from './traits.ts';
import type { Ids } from './writer.ts';

/**
 * The iOS / Android app (analytics-swift / analytics-kotlin): lifecycle events, screens, pushes.
 * context.device.id is the IDFV / Android ID; some Android devices also report an OAID.
 * About a third of logins use the alias → identify pattern instead of a plain identify.
 */

const SCREENS: Record<Step, string> = {
  home: '首页',
  list: '分类',
  product: '商品详情',
  search: '搜索结果',
  cart: '购物车',
  checkout: '确认订单',
  success: '支付成功',
  login: '登录',
  register: '注册',
  member: '我的',
};

const PAYMENTS = new Weighted<string>([
  ['支付宝', 45],
  ['微信支付', 42],
  ['花呗', 6],
  ['银联', 7],
]);

export class AppSurface implements Surface {
  readonly source = 'app';
  readonly affiliation = '澜悦 App';
  loggedIn = false;
  private readonly install: AppInstall;
  private readonly installsInPeriod: boolean;
  private campaign: Readonly<Record<string, string>> | null = null;
  private sessions = 0;

  constructor(private readonly j: Journey) {
    this.install = appInstall(j.rng, j.c.phoneDevice);
    this.installsInPeriod = j.rng.chance(0.3);
  }

  ids(): Ids {
    const anonymousId = this.install.anonymousId;
    return this.loggedIn ? { userId: this.j.c.memberNo!, anonymousId } : { anonymousId };
  }

  context(): Record<string, unknown> {
    const i = this.install;
    const ctx: Record<string, unknown> = {
      library: i.library,
      app: i.app,
      device: i.device,
      os: i.os,
      screen: i.screen,
      network: i.network,
      ip: this.j.c.mobileIp,
      locale: 'zh-CN',
      timezone: 'Asia/Shanghai',
    };
    if (this.campaign !== null) ctx.campaign = this.campaign;
    return ctx;
  }

  open(start: number): number {
    const { rng, w } = this.j;
    let t = start;
    const app = this.install.app;
    this.campaign = null;
    if (this.sessions === 0 && this.installsInPeriod) {
      w.track(
        'app',
        t,
        this.ids(),
        'Application Installed',
        { version: app.version, build: app.build },
        this.context(),
      );
      t += 2_000;
    } else if (this.sessions > 0 && rng.chance(0.18)) {
      const push = randomPush(rng);
      this.campaign = push.campaign;
      w.track(
        'app',
        t,
        this.ids(),
        'Push Notification Tapped',
        { campaign_name: push.campaign.name, title: push.title },
        this.context(),
      );
      t += 800;
    }
    const opened: Record<string, unknown> = {
      from_background: this.sessions > 0 && rng.chance(0.4),
      version: app.version,
      build: app.build,
    };
    w.track('app', t, this.ids(), 'Application Opened', opened, this.context());
    this.sessions += 1;
    this.view(t + 1_000, 'home');
    return t + 1_000;
  }

  view(t: number, step: Step, detail?: ViewDetail): void {
    const props: Record<string, unknown> = {};
    if (detail?.product) props.product_id = detail.product.productId;
    if (detail?.category) props.category = detail.category;
    if (detail?.term) props.query = detail.term;
    this.j.w.screen('app', t, this.ids(), SCREENS[step], props, this.context());
  }

  login(t: number): number {
    const { c, w } = this.j;
    this.view(t, 'login');
    const end = t + gap(this.j, 40);
    if (this.j.rng.chance(0.33)) w.alias('app', end, c.memberNo!, this.install.anonymousId, this.context());
    this.loggedIn = true;
    w.identify('app', end + 100, this.ids(), profileTraits(this.j, 'login'), this.context());
    return end + 100;
  }

  register(t: number): number {
    const { c, w } = this.j;
    this.view(t, 'register');
    this.loggedIn = true;
    const end = t + gap(this.j, 90);
    c.memberSince = end;
    c.registrationChannel = 'APP';
    return w.signUp('app', end, this.ids(), profileTraits(this.j, 'full'), 'APP', this.context());
  }

  paymentMethod(): string {
    return PAYMENTS.pick(this.j.rng);
  }
}
