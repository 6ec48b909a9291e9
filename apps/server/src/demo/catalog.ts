import type { Gender } from './names.ts';
import { type Rng, Weighted } from './random.ts';

/** The product catalogue of the fictional brand 澜悦 LANYUE (fashion & beauty). Prices in fen (CNY × 100). */

export const BRAND = '澜悦';

export type Category = '护肤' | '彩妆' | '香氛' | '女装' | '男装' | '鞋包' | '配饰';

export interface Product {
  readonly productId: string;
  readonly name: string;
  readonly category: Category;
  readonly priceFen: number;
}

/** One purchasable variant (SKU) of a product. */
export interface Sku {
  readonly product: Product;
  readonly sku: string;
  /** e.g. '驼色 / M', '' for single-variant items. */
  readonly variant: string;
}

type Row = readonly [name: string, category: Category, yuan: number];

const ROWS: readonly Row[] = [
  ['玻尿酸保湿精华 30ml', '护肤', 299],
  ['烟酰胺焕亮精华 50ml', '护肤', 359],
  ['视黄醇抗皱晚霜 50g', '护肤', 499],
  ['氨基酸洁面乳 120g', '护肤', 89],
  ['清透防晒乳 SPF50+ 50ml', '护肤', 169],
  ['水光柔肤水 200ml', '护肤', 159],
  ['修护舒缓面霜 50g', '护肤', 329],
  ['胶原紧致眼霜 15g', '护肤', 399],
  ['补水保湿面膜 5片装', '护肤', 99],
  ['男士控油洁面 150g', '护肤', 79],
  ['男士清爽保湿乳 100ml', '护肤', 139],
  ['熬夜修护精华 30ml', '护肤', 429],
  ['温和卸妆油 200ml', '护肤', 139],
  ['水乳霜护肤礼盒 三件套', '护肤', 899],
  ['焕颜精华油 30ml', '护肤', 459],
  ['丝绒雾面口红', '彩妆', 149],
  ['水润镜面唇釉', '彩妆', 129],
  ['持妆粉底液 30ml', '彩妆', 289],
  ['轻薄气垫BB霜 15g×2', '彩妆', 259],
  ['大地色四色眼影盘', '彩妆', 199],
  ['防水纤长睫毛膏', '彩妆', 119],
  ['自然极细眉笔', '彩妆', 59.9],
  ['控油定妆散粉 10g', '彩妆', 189],
  ['柔雾单色腮红', '彩妆', 79.9],
  ['化妆刷套装 7支', '彩妆', 169],
  ['遮瑕液 5ml', '彩妆', 99],
  ['白茶淡香水 50ml', '香氛', 469],
  ['木质调淡香精 100ml', '香氛', 899],
  ['玫瑰香氛蜡烛 220g', '香氛', 199],
  ['护手霜礼盒 3支装', '香氛', 129],
  ['车载香薰 补充装', '香氛', 69.9],
  ['羊毛混纺大衣', '女装', 1899],
  ['双面羊绒大衣', '女装', 3999],
  ['桑蚕丝衬衫', '女装', 899],
  ['法式碎花连衣裙', '女装', 599],
  ['高腰阔腿西裤', '女装', 399],
  ['羊毛针织开衫', '女装', 459],
  ['纯棉圆领T恤', '女装', 129],
  ['90白鸭绒羽绒服', '女装', 1299],
  ['修身西装外套', '女装', 899],
  ['百褶半身裙', '女装', 359],
  ['直筒牛仔裤', '女装', 429],
  ['莫代尔打底衫', '女装', 99],
  ['真丝睡衣套装', '女装', 699],
  ['商务休闲衬衫', '男装', 399],
  ['羊毛西装套装', '男装', 2999],
  ['纯棉Polo衫', '男装', 299],
  ['弹力休闲长裤', '男装', 359],
  ['轻薄羽绒服', '男装', 899],
  ['连帽卫衣', '男装', 329],
  ['羊绒圆领毛衣', '男装', 1299],
  ['水洗牛仔夹克', '男装', 599],
  ['短袖T恤 三件装', '男装', 199],
  ['真皮小白鞋', '鞋包', 699],
  ['复古乐福鞋', '鞋包', 899],
  ['尖头细跟高跟鞋', '鞋包', 799],
  ['经典马丁靴', '鞋包', 999],
  ['轻便运动休闲鞋', '鞋包', 599],
  ['牛皮托特包', '鞋包', 1599],
  ['链条斜挎包', '鞋包', 1299],
  ['通勤双肩背包', '鞋包', 699],
  ['男士商务公文包', '鞋包', 1899],
  ['长款手拿钱包', '鞋包', 459],
  ['限量鳄鱼纹手袋', '鞋包', 5999],
  ['羊绒围巾', '配饰', 599],
  ['925银耳钉', '配饰', 199],
  ['淡水珍珠项链', '配饰', 899],
  ['真丝发圈 三只装', '配饰', 89],
  ['偏光太阳镜', '配饰', 699],
  ['头层牛皮腰带', '配饰', 399],
  ['刺绣棒球帽', '配饰', 159],
  ['精梳棉运动袜 5双装', '配饰', 39.9],
  ['简约石英腕表', '配饰', 1299],
];

export const PRODUCTS: readonly Product[] = ROWS.map(([name, category, yuan], i) => ({
  productId: `P${10001 + i}`,
  name,
  category,
  priceFen: Math.round(yuan * 100),
}));

const COLORS: ReadonlyArray<readonly [string, string]> = [
  ['BK', '黑色'],
  ['WH', '白色'],
  ['CM', '驼色'],
  ['NV', '藏青'],
  ['GY', '灰色'],
  ['OT', '燕麦色'],
];
const SHADES: ReadonlyArray<readonly [string, string]> = [
  ['999', '#999 正红'],
  ['316', '#316 豆沙'],
  ['888', '#888 枫叶红'],
  ['520', '#520 玫瑰'],
];

function variantsOf(p: Product, index: number): Sku[] {
  const colors = [COLORS[index % 6], COLORS[(index + 2) % 6], COLORS[(index + 3) % 6]];
  const sized = (sizes: readonly string[]): Sku[] =>
    colors.flatMap(([code, color]) =>
      sizes.map((size) => ({
        product: p,
        sku: `${p.productId}-${code}-${size}`,
        variant: `${color} / ${size}`,
      })),
    );
  if (p.category === '女装') return sized(['S', 'M', 'L', 'XL']);
  if (p.category === '男装') return sized(['M', 'L', 'XL', 'XXL']);
  if (p.category === '鞋包' && p.name.includes('鞋'))
    return sized(['36', '37', '38', '39', '40', '41', '42']);
  if (p.name.includes('靴')) return sized(['36', '37', '38', '39', '40', '41', '42']);
  if (p.name.includes('口红') || p.name.includes('唇釉') || p.name.includes('腮红')) {
    return SHADES.map(([code, shade]) => ({ product: p, sku: `${p.productId}-${code}`, variant: shade }));
  }
  if (p.category === '鞋包' || p.category === '配饰') {
    return colors.map(([code, color]) => ({ product: p, sku: `${p.productId}-${code}`, variant: color }));
  }
  return [{ product: p, sku: `${p.productId}-STD`, variant: '' }];
}

export const SKUS_BY_PRODUCT: ReadonlyMap<Product, readonly Sku[]> = new Map(
  PRODUCTS.map((p, i) => [p, variantsOf(p, i)] as const),
);

/** Cheap everyday items sell more often than a ¥5,999 handbag. */
function popularity(p: Product): number {
  return 1 / Math.sqrt(p.priceFen / 10_000);
}

const AFFINITY: Record<Gender, Record<Category, number>> = {
  female: { 护肤: 3, 彩妆: 2.6, 香氛: 1, 女装: 3, 男装: 0.3, 鞋包: 1.4, 配饰: 1.1 },
  male: { 护肤: 1.2, 彩妆: 0.15, 香氛: 0.6, 女装: 0.5, 男装: 3, 鞋包: 1.3, 配饰: 0.9 },
};

const productTables: Record<Gender, Weighted<Product>> = {
  female: new Weighted(PRODUCTS.map((p) => [p, popularity(p) * AFFINITY.female[p.category]] as const)),
  male: new Weighted(PRODUCTS.map((p) => [p, popularity(p) * AFFINITY.male[p.category]] as const)),
};

export function randomProduct(rng: Rng, gender: Gender): Product {
  return productTables[gender].pick(rng);
}

export function randomSku(rng: Rng, product: Product): Sku {
  return rng.pick(SKUS_BY_PRODUCT.get(product)!);
}

export const CATEGORIES: readonly Category[] = ['护肤', '彩妆', '香氛', '女装', '男装', '鞋包', '配饰'];

/** URL slug of each category list page. */
export const CATEGORY_SLUGS: Record<Category, string> = {
  护肤: 'skincare',
  彩妆: 'makeup',
  香氛: 'fragrance',
  女装: 'women',
  男装: 'men',
  鞋包: 'shoes-bags',
  配饰: 'accessories',
};

const PRODUCTS_BY_CATEGORY: ReadonlyMap<Category, readonly Product[]> = new Map(
  CATEGORIES.map((c) => [c, PRODUCTS.filter((p) => p.category === c)] as const),
);

export function productsIn(category: Category): readonly Product[] {
  return PRODUCTS_BY_CATEGORY.get(category)!;
}

/** What people type into the search box. */
export const SEARCH_TERMS: readonly string[] = [
  '防晒霜',
  '精华',
  '玻尿酸',
  '面膜',
  '口红',
  '口红 正红色',
  '粉底液 干皮',
  '眼霜',
  '卸妆油',
  '羊毛大衣',
  '大衣 女 冬',
  '羊绒',
  '连衣裙',
  '连衣裙 夏 法式',
  '阔腿裤',
  '白T恤',
  '羽绒服 轻薄',
  '小白鞋',
  '马丁靴',
  '托特包',
  '斜挎包 小众',
  '双肩包 通勤',
  '围巾',
  '珍珠项链',
  '耳钉',
  '香水 淡香',
  '香薰蜡烛',
  '护手霜 礼盒',
  '男士洁面',
  '男士 衬衫',
  '西装',
  '卫衣',
  '毛衣',
  '情人节礼物',
  '生日礼物 女友',
  '双11',
  '新品',
  '会员专享',
  '套装 礼盒',
  '睫毛膏 防水',
];

export interface Coupon {
  readonly code: string;
  readonly name: string;
  readonly minFen: number;
  /** Fixed discount in fen, or … */
  readonly offFen: number;
  /** … a percentage off (e.g. 10 = 9折). */
  readonly percentOff: number;
}

export const COUPONS: readonly Coupon[] = [
  { code: 'MJ300-50', name: '满300减50', minFen: 30_000, offFen: 5_000, percentOff: 0 },
  { code: 'MJ500-100', name: '满500减100', minFen: 50_000, offFen: 10_000, percentOff: 0 },
  { code: 'NEW20', name: '新人立减20元', minFen: 0, offFen: 2_000, percentOff: 0 },
  { code: 'VIP90', name: '会员9折券', minFen: 0, offFen: 0, percentOff: 10 },
  { code: 'D11-1000-150', name: '双11 满1000减150', minFen: 100_000, offFen: 15_000, percentOff: 0 },
  { code: 'BDAY50', name: '生日礼券 满200减50', minFen: 20_000, offFen: 5_000, percentOff: 0 },
];
