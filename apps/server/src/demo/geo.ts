import { type Rng, Weighted } from './random.ts';

export interface Region {
  readonly province: string;
  readonly city: string;
}

/** Province, city, weight: urban population × spending on fashion & beauty (roughly). */
const REGIONS: ReadonlyArray<readonly [string, string, number]> = [
  ['上海市', '上海市', 9],
  ['北京市', '北京市', 8.5],
  ['广东省', '深圳市', 7.5],
  ['广东省', '广州市', 7],
  ['广东省', '东莞市', 2.5],
  ['广东省', '佛山市', 2.2],
  ['广东省', '珠海市', 0.8],
  ['浙江省', '杭州市', 5],
  ['浙江省', '宁波市', 2],
  ['浙江省', '温州市', 1.5],
  ['江苏省', '南京市', 3.5],
  ['江苏省', '苏州市', 3.5],
  ['江苏省', '无锡市', 1.6],
  ['四川省', '成都市', 5],
  ['重庆市', '重庆市', 4],
  ['湖北省', '武汉市', 3.5],
  ['陕西省', '西安市', 3],
  ['湖南省', '长沙市', 2.8],
  ['山东省', '青岛市', 2],
  ['山东省', '济南市', 1.8],
  ['河南省', '郑州市', 2.5],
  ['福建省', '厦门市', 1.5],
  ['福建省', '福州市', 1.5],
  ['天津市', '天津市', 3],
  ['辽宁省', '沈阳市', 1.8],
  ['辽宁省', '大连市', 1.4],
  ['安徽省', '合肥市', 2],
  ['云南省', '昆明市', 1.5],
  ['广西壮族自治区', '南宁市', 1.2],
  ['江西省', '南昌市', 1.2],
  ['黑龙江省', '哈尔滨市', 1.3],
  ['吉林省', '长春市', 1],
  ['山西省', '太原市', 1],
  ['河北省', '石家庄市', 1.3],
  ['贵州省', '贵阳市', 1],
  ['海南省', '海口市', 0.6],
  ['新疆维吾尔自治区', '乌鲁木齐市', 0.6],
  ['内蒙古自治区', '呼和浩特市', 0.5],
  ['甘肃省', '兰州市', 0.6],
  ['江苏省', '常州市', 1],
  ['浙江省', '金华市', 1],
  ['广东省', '惠州市', 0.9],
];

const regionTable = new Weighted(REGIONS.map(([province, city, w]) => [{ province, city }, w] as const));

export function randomRegion(rng: Rng): Region {
  return regionTable.pick(rng);
}

/** First two octets of address blocks announced by Chinese carriers (fixed-line broadband). */
const BROADBAND = [
  '36.110',
  '36.152',
  '58.33',
  '58.246',
  '60.12',
  '61.135',
  '101.68',
  '106.38',
  '110.52',
  '111.30',
  '113.108',
  '114.88',
  '116.228',
  '119.123',
  '121.35',
  '122.224',
  '123.125',
  '124.64',
  '125.70',
  '180.168',
  '183.14',
  '202.96',
  '210.21',
  '218.17',
  '219.133',
  '221.10',
  '222.73',
];
/** … and mobile (4G/5G) blocks. */
const MOBILE = [
  '223.104',
  '223.73',
  '112.96',
  '112.97',
  '117.136',
  '120.229',
  '39.144',
  '111.55',
  '106.39',
  '36.45',
];

function withHost(rng: Rng, prefix: string): string {
  return `${prefix}.${rng.int(256)}.${1 + rng.int(254)}`;
}

export function broadbandIp(rng: Rng): string {
  return withHost(rng, rng.pick(BROADBAND));
}

export function mobileIp(rng: Rng): string {
  return withHost(rng, rng.pick(MOBILE));
}
