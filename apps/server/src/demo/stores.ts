import type { Region } from './geo.ts';
import { randomName } from './names.ts';
import { Rng, Weighted } from './random.ts';

/** Physical stores (POS source) and marketplace shops (e-commerce source). Fixed, seed-independent. */

export interface Cashier {
  readonly id: string;
  readonly name: string;
}

export interface Store {
  readonly storeId: string;
  readonly name: string;
  readonly city: string;
  /** Public egress address of the store network (POS sync calls come from it). */
  readonly ip: string;
  readonly cashiers: readonly Cashier[];
  /** Relative foot traffic. */
  readonly traffic: number;
}

// biome-ignore format: data table
const STORE_ROWS: ReadonlyArray<readonly [name: string, city: string, traffic: number]> = [
  ['深圳万象城店', '深圳市', 3], ['深圳海岸城店', '深圳市', 2], ['深圳COCO Park店', '深圳市', 2],
  ['广州天河城店', '广州市', 3], ['广州太古汇店', '广州市', 2.5], ['广州正佳广场店', '广州市', 2],
  ['上海静安嘉里中心店', '上海市', 3], ['上海港汇恒隆店', '上海市', 2.5], ['上海南京西路旗舰店', '上海市', 4],
  ['上海环球港店', '上海市', 2], ['上海七宝万科店', '上海市', 1.5], ['北京三里屯太古里店', '北京市', 3.5],
  ['北京国贸商城店', '北京市', 3], ['北京西单大悦城店', '北京市', 2.5], ['北京朝阳大悦城店', '北京市', 2],
  ['杭州湖滨银泰in77店', '杭州市', 3], ['杭州万象城店', '杭州市', 2.5], ['南京德基广场店', '南京市', 3],
  ['南京新街口店', '南京市', 2], ['苏州中心店', '苏州市', 2.5], ['成都太古里店', '成都市', 3],
  ['成都IFS店', '成都市', 2.5], ['重庆解放碑店', '重庆市', 2.5], ['重庆观音桥店', '重庆市', 2],
  ['武汉武商广场店', '武汉市', 2.5], ['武汉楚河汉街店', '武汉市', 2], ['西安赛格国际店', '西安市', 2.5],
  ['长沙IFS店', '长沙市', 2.5], ['天津恒隆广场店', '天津市', 2], ['厦门万象城店', '厦门市', 1.5],
  ['青岛万象城店', '青岛市', 1.5], ['郑州大卫城店', '郑州市', 2], ['东莞汇一城店', '东莞市', 1.5],
  ['佛山岭南站店', '佛山市', 1.5], ['合肥银泰中心店', '合肥市', 1.5], ['宁波天一广场店', '宁波市', 1.5],
  ['沈阳万象城店', '沈阳市', 1.5], ['昆明恒隆广场店', '昆明市', 1.2],
];

/** Cashier names and store IPs come from a fixed stream: the store list is the same for every seed. */
const fixed = new Rng(20_251_111, 99);

export const STORES: readonly Store[] = STORE_ROWS.map(([name, city, traffic], i) => {
  const cashiers: Cashier[] = [];
  for (let k = 0; k < 4; k++) {
    const gender = fixed.chance(0.75) ? 'female' : 'male';
    cashiers.push({
      id: `C${101 + i}${String(k + 1).padStart(2, '0')}`,
      name: randomName(fixed, gender, 1998).full,
    });
  }
  const ip = `${fixed.pick(['113.108', '116.228', '124.64', '183.14', '218.17', '222.73'])}.${fixed.int(256)}.${1 + fixed.int(254)}`;
  return { storeId: `S${101 + i}`, name, city, traffic, ip, cashiers };
});

const allStores = new Weighted(STORES.map((s) => [s, s.traffic] as const));
const storesByCity = new Map<string, Weighted<Store>>();
for (const city of new Set(STORES.map((s) => s.city))) {
  storesByCity.set(
    city,
    new Weighted(STORES.filter((s) => s.city === city).map((s) => [s, s.traffic] as const)),
  );
}

/** The store a customer usually shops at: one in their city, else a big-city flagship (travel, work). */
export function homeStore(rng: Rng, region: Region): Store {
  return (storesByCity.get(region.city) ?? allStores).pick(rng);
}

export function anyStore(rng: Rng): Store {
  return allStores.pick(rng);
}

export type Platform = 'tmall' | 'jd' | 'douyin';

export interface Marketplace {
  readonly platform: Platform;
  readonly platformName: string;
  readonly shopName: string;
  readonly payments: Weighted<string>;
}

export const MARKETPLACES: Record<Platform, Marketplace> = {
  tmall: {
    platform: 'tmall',
    platformName: '天猫',
    shopName: '澜悦官方旗舰店',
    payments: new Weighted([
      ['支付宝', 85],
      ['花呗', 12],
      ['银联', 3],
    ]),
  },
  jd: {
    platform: 'jd',
    platformName: '京东',
    shopName: '澜悦京东自营旗舰店',
    payments: new Weighted([
      ['微信支付', 55],
      ['京东支付', 35],
      ['银联', 10],
    ]),
  },
  douyin: {
    platform: 'douyin',
    platformName: '抖音',
    shopName: '澜悦抖音官方旗舰店',
    payments: new Weighted([
      ['抖音支付', 45],
      ['微信支付', 30],
      ['支付宝', 25],
    ]),
  },
};

export const PLATFORM_TABLE = new Weighted<Platform>([
  ['tmall', 50],
  ['jd', 25],
  ['douyin', 25],
]);
