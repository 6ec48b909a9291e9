import { type Rng, Weighted } from './random.ts';

/** Where traffic comes from: UTM campaigns, referrers, WeChat scenes and app pushes. */

export interface Campaign {
  readonly context: Readonly<Record<string, string>>;
  /** `?utm_source=…` as it appears in the landing URL. */
  readonly search: string;
  readonly referrer: string;
  /** Landing path. */
  readonly path: string;
}

function campaign(
  source: string,
  medium: string,
  name: string,
  referrer: string,
  path: string,
  term?: string,
): Campaign {
  const context: Record<string, string> = { source, medium, name };
  let search = `?utm_source=${source}&utm_medium=${medium}&utm_campaign=${name}`;
  if (term !== undefined) {
    context.term = term;
    search += `&utm_term=${encodeURIComponent(term)}`;
  }
  return { context, search, referrer, path };
}

// biome-ignore format: data table
const CAMPAIGNS = new Weighted<Campaign>([
  [campaign('baidu', 'cpc', 'brand_search', 'https://www.baidu.com/', '/', '澜悦'), 14],
  [campaign('baidu', 'cpc', 'generic_skincare', 'https://m.baidu.com/', '/category/skincare', '保湿精华推荐'), 6],
  [campaign('wechat', 'social', 'oa_article_new_arrivals', 'https://mp.weixin.qq.com/', '/campaign/new-arrivals'), 12],
  [campaign('wechat', 'moments_ads', 'double11_presale', 'https://mp.weixin.qq.com/', '/campaign/double11'), 8],
  [campaign('douyin', 'paid_social', 'double11_live', 'https://www.douyin.com/', '/campaign/double11'), 10],
  [campaign('douyin', 'kol', 'winter_coat_haul', 'https://www.douyin.com/', '/category/women'), 6],
  [campaign('xiaohongshu', 'kol', 'serum_review', 'https://www.xiaohongshu.com/', '/product/P10001'), 10],
  [campaign('xiaohongshu', 'social', 'ootd_autumn', 'https://www.xiaohongshu.com/', '/category/women'), 6],
  [campaign('weibo', 'social', 'celebrity_lipstick', 'https://weibo.com/', '/product/P10016'), 4],
  [campaign('sms', 'sms', 'member_day', '', '/member'), 5],
  [campaign('bilibili', 'video', 'makeup_tutorial', 'https://www.bilibili.com/', '/category/makeup'), 3],
]);

export function randomCampaign(rng: Rng): Campaign {
  return CAMPAIGNS.pick(rng);
}

const REFERRERS = new Weighted<string>([
  ['', 40],
  ['https://www.baidu.com/', 20],
  ['https://m.baidu.com/', 10],
  ['https://www.sogou.com/', 3],
  ['https://cn.bing.com/', 5],
  ['https://www.xiaohongshu.com/', 8],
  ['https://www.zhihu.com/', 4],
  ['https://weibo.com/', 3],
  ['https://www.douyin.com/', 5],
  ['https://www.so.com/', 2],
]);

export function randomReferrer(rng: Rng): string {
  return REFERRERS.pick(rng);
}

/** WeChat launch scenes (场景值) of the mini-program. */
export interface Scene {
  readonly scene: number;
  readonly label: string;
  readonly campaign: Readonly<Record<string, string>> | null;
}

// biome-ignore format: data table
const SCENES = new Weighted<Scene>([
  [{ scene: 1001, label: '发现-小程序主入口', campaign: null }, 20],
  [{ scene: 1089, label: '微信聊天主界面下拉', campaign: null }, 20],
  [{ scene: 1007, label: '单人聊天会话中的小程序消息卡片', campaign: { source: 'wechat', medium: 'share', name: 'friend_share' } }, 12],
  [{ scene: 1008, label: '群聊会话中的小程序消息卡片', campaign: { source: 'wechat', medium: 'share', name: 'group_share' } }, 10],
  [{ scene: 1035, label: '公众号自定义菜单', campaign: { source: 'wechat', medium: 'official_account', name: 'oa_menu' } }, 8],
  [{ scene: 1043, label: '公众号模板消息', campaign: { source: 'wechat', medium: 'official_account', name: 'member_day_notice' } }, 6],
  [{ scene: 1047, label: '扫描小程序码', campaign: { source: 'store', medium: 'qrcode', name: 'in_store_qr' } }, 8],
  [{ scene: 1014, label: '小程序订阅消息', campaign: { source: 'wechat', medium: 'subscribe_message', name: 'double11_reminder' } }, 6],
  [{ scene: 1045, label: '朋友圈广告', campaign: { source: 'wechat', medium: 'moments_ads', name: 'double11_presale' } }, 6],
  [{ scene: 1037, label: '小程序打开小程序', campaign: null }, 2],
]);

export const STORE_QR_SCENE: Scene = {
  scene: 1047,
  label: '扫描小程序码',
  campaign: { source: 'store', medium: 'qrcode', name: 'in_store_qr' },
};

export function randomScene(rng: Rng): Scene {
  return SCENES.pick(rng);
}

export interface Push {
  readonly campaign: Readonly<Record<string, string>>;
  readonly title: string;
}

// biome-ignore format: data table
const PUSHES: readonly Push[] = [
  { campaign: { source: 'push', medium: 'push', name: 'double11_countdown' }, title: '双11倒计时：满1000减150，今晚8点开抢' },
  { campaign: { source: 'push', medium: 'push', name: 'new_arrivals' }, title: '秋冬新品上市｜羊毛混纺大衣限时9折' },
  { campaign: { source: 'push', medium: 'push', name: 'cart_reminder' }, title: '您的购物车商品即将售罄' },
  { campaign: { source: 'push', medium: 'push', name: 'member_day' }, title: '会员日双倍积分，金卡专享礼' },
  { campaign: { source: 'push', medium: 'push', name: 'price_drop' }, title: '您关注的商品降价啦' },
];

export function randomPush(rng: Rng): Push {
  return rng.pick(PUSHES);
}
