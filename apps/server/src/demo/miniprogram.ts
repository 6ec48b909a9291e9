import { randomScene, type Scene, STORE_QR_SCENE } from './campaigns.ts';
import { MINI_APP, MINI_LIBRARY, miniProgramUserAgent } from './devices.ts';
import type { Journey } from './journey-state.ts';
import { gap, type Step, type Surface, type ViewDetail } from './session.ts';
import type { Store } from './stores.ts';
import { profileTraits, wechatTraits } from './traits.ts';
import type { Ids } from './writer.ts';

/**
 * The WeChat member mini-program (会员商城). Pages are mini-program paths; the launch scene (场景值)
 * is in the first page's properties and, for shares/ads/QR codes, in context.campaign.
 * On first launch the SDK identifies the visitor anonymously with their OpenID (wx.login); the
 * UnionID and the phone come with the member login / registration.
 */

const PAGES: Record<Step, readonly [path: string, name: string]> = {
  home: ['pages/index/index', '首页'],
  list: ['pages/category/index', '分类'],
  product: ['pages/goods/detail', '商品详情'],
  search: ['pages/search/result', '搜索结果'],
  cart: ['pages/cart/index', '购物车'],
  checkout: ['pages/order/confirm', '确认订单'],
  success: ['pages/order/result', '支付成功'],
  login: ['pages/login/index', '授权登录'],
  register: ['pages/member/register', '会员注册'],
  member: ['pages/member/index', '会员中心'],
};

export class MiniProgramSurface implements Surface {
  readonly source = 'miniprogram';
  readonly affiliation = '微信小程序商城';
  loggedIn = false;
  private readonly anonymousId: string;
  private readonly base: Record<string, unknown>;
  private page: Record<string, unknown> = {};
  private scene: Scene | null = null;
  private launched = false;

  constructor(private readonly j: Journey) {
    this.anonymousId = j.rng.uuid();
    const phone = j.c.phoneDevice;
    this.base = {
      library: MINI_LIBRARY,
      ip: j.c.mobileIp,
      userAgent: miniProgramUserAgent(phone),
      locale: 'zh-CN',
      timezone: 'Asia/Shanghai',
      app: MINI_APP,
      device: { manufacturer: phone.manufacturer, model: phone.model, type: phone.ios ? 'ios' : 'android' },
      os: { name: phone.ios ? 'iOS' : 'Android', version: phone.osVersion },
    };
  }

  ids(): Ids {
    return this.loggedIn
      ? { userId: this.j.c.memberNo!, anonymousId: this.anonymousId }
      : { anonymousId: this.anonymousId };
  }

  context(withPage = true): Record<string, unknown> {
    const b = this.base;
    const ctx: Record<string, unknown> = {
      library: b.library,
      ip: b.ip,
      userAgent: b.userAgent,
      locale: 'zh-CN',
      timezone: 'Asia/Shanghai',
      app: b.app,
      device: b.device,
      os: b.os,
    };
    if (withPage) ctx.page = this.page;
    if (this.scene?.campaign) ctx.campaign = this.scene.campaign;
    return ctx;
  }

  open(t: number, scene: Scene = randomScene(this.j.rng)): number {
    this.scene = scene;
    this.page = {};
    this.render(t, 'home', '', { scene: scene.scene, scene_label: scene.label });
    if (!this.launched && this.j.c.wechat !== null && !this.loggedIn) {
      this.j.w.identify('miniprogram', t + 400, this.ids(), wechatTraits(this.j, false), this.context());
    }
    this.launched = true;
    return t + 400;
  }

  view(t: number, step: Step, detail?: ViewDetail): void {
    if (step === 'product' && detail?.product) this.render(t, step, `id=${detail.product.productId}`);
    else if (step === 'list' && detail?.category)
      this.render(t, step, `category=${encodeURIComponent(detail.category)}`);
    else if (step === 'search' && detail?.term)
      this.render(t, step, `keyword=${encodeURIComponent(detail.term)}`);
    else this.render(t, step, '');
  }

  private render(t: number, step: Step, query: string, extra?: Record<string, unknown>): void {
    const [path, title] = PAGES[step];
    const referrer = String(this.page.path ?? '');
    this.page = { path, title, query };
    const props: Record<string, unknown> = { path, title, query, referrer };
    if (extra !== undefined) Object.assign(props, extra);
    this.j.w.page('miniprogram', t, this.ids(), title, props, this.context());
  }

  login(t: number): number {
    this.view(t, 'login');
    this.loggedIn = true;
    const end = t + gap(this.j, 20);
    const traits = profileTraits(this.j, 'login');
    Object.assign(traits, wechatTraits(this.j, true));
    this.j.w.identify('miniprogram', end, this.ids(), traits, this.context());
    return end;
  }

  register(t: number, store: Store | null = null): number {
    const { c, w } = this.j;
    this.view(t, 'register');
    this.loggedIn = true;
    const end = t + gap(this.j, 60);
    c.memberSince = end;
    c.registrationChannel = store === null ? '微信小程序' : '门店';
    const traits = profileTraits(this.j, 'full');
    Object.assign(traits, wechatTraits(this.j, true));
    w.identify('miniprogram', end, this.ids(), traits, this.context());
    w.track(
      'miniprogram',
      end + 200,
      this.ids(),
      'Signed Up',
      { method: 'wechat_phone_number' },
      this.context(),
    );
    const props: Record<string, unknown> = {
      member_no: c.memberNo,
      member_level: c.memberLevel,
      registration_channel: c.registrationChannel,
    };
    if (store !== null) {
      props.store_id = store.storeId;
      props.store_name = store.name;
    }
    w.track('miniprogram', end + 900, this.ids(), 'Member Registered', props, this.context());
    return end + 900;
  }

  /** A shopper scans the store's QR code at the till and joins the member programme. */
  registerInStore(t: number, store: Store): number {
    const opened = this.open(t, STORE_QR_SCENE);
    return this.register(opened + gap(this.j, 30), store);
  }

  paymentMethod(): string {
    return this.j.rng.chance(0.97) ? '微信支付' : '银联';
  }
}
