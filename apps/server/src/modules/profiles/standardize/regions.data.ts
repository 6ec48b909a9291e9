/**
 * Province-level divisions of China and its major cities, with the spellings found in customer
 * data. Data only: the lookup rules are in normalize-region.ts.
 */

export interface ProvinceRecord {
  /** Official name, e.g. `广西壮族自治区`. */
  readonly name: string;
  /** Name without its administrative suffix, e.g. `广西`. */
  readonly short: string;
  /**
   * One-character abbreviations (粤, 沪) accepted on their own. Left out where a lone character
   * reads as something else: 宁 (宁夏? 辽宁? 南宁?), 青 (青海? 青岛?), 新 (新疆? "new"), 秦 (a surname).
   */
  readonly abbreviations: readonly string[];
  /** Romanisations: Hanyu Pinyin first, then established English names. */
  readonly english: readonly string[];
}

export interface CityRecord {
  readonly name: string;
  /** Official name of the province-level division the city belongs to. */
  readonly province: string;
  readonly english: readonly string[];
}

/** All 34: 23 provinces (incl. 台湾省), 5 autonomous regions, 4 municipalities, 2 SARs. */
export const PROVINCES: readonly ProvinceRecord[] = [
  { name: '北京市', short: '北京', abbreviations: ['京'], english: ['Beijing', 'Peking'] },
  { name: '天津市', short: '天津', abbreviations: ['津'], english: ['Tianjin'] },
  { name: '上海市', short: '上海', abbreviations: ['沪'], english: ['Shanghai'] },
  { name: '重庆市', short: '重庆', abbreviations: ['渝'], english: ['Chongqing'] },
  { name: '河北省', short: '河北', abbreviations: ['冀'], english: ['Hebei'] },
  { name: '山西省', short: '山西', abbreviations: ['晋'], english: ['Shanxi'] },
  { name: '辽宁省', short: '辽宁', abbreviations: ['辽'], english: ['Liaoning'] },
  { name: '吉林省', short: '吉林', abbreviations: ['吉'], english: ['Jilin'] },
  { name: '黑龙江省', short: '黑龙江', abbreviations: ['黑'], english: ['Heilongjiang'] },
  { name: '江苏省', short: '江苏', abbreviations: ['苏'], english: ['Jiangsu'] },
  { name: '浙江省', short: '浙江', abbreviations: ['浙'], english: ['Zhejiang'] },
  { name: '安徽省', short: '安徽', abbreviations: ['皖'], english: ['Anhui'] },
  { name: '福建省', short: '福建', abbreviations: ['闽'], english: ['Fujian'] },
  { name: '江西省', short: '江西', abbreviations: ['赣'], english: ['Jiangxi'] },
  { name: '山东省', short: '山东', abbreviations: ['鲁'], english: ['Shandong'] },
  { name: '河南省', short: '河南', abbreviations: ['豫'], english: ['Henan'] },
  { name: '湖北省', short: '湖北', abbreviations: ['鄂'], english: ['Hubei'] },
  { name: '湖南省', short: '湖南', abbreviations: ['湘'], english: ['Hunan'] },
  { name: '广东省', short: '广东', abbreviations: ['粤'], english: ['Guangdong'] },
  { name: '海南省', short: '海南', abbreviations: ['琼'], english: ['Hainan'] },
  { name: '四川省', short: '四川', abbreviations: ['川', '蜀'], english: ['Sichuan'] },
  { name: '贵州省', short: '贵州', abbreviations: ['黔', '贵'], english: ['Guizhou'] },
  { name: '云南省', short: '云南', abbreviations: ['滇', '云'], english: ['Yunnan'] },
  { name: '陕西省', short: '陕西', abbreviations: ['陕'], english: ['Shaanxi'] },
  { name: '甘肃省', short: '甘肃', abbreviations: ['甘', '陇'], english: ['Gansu'] },
  { name: '青海省', short: '青海', abbreviations: [], english: ['Qinghai'] },
  { name: '台湾省', short: '台湾', abbreviations: ['台'], english: ['Taiwan'] },
  {
    name: '内蒙古自治区',
    short: '内蒙古',
    abbreviations: ['蒙'],
    english: ['Neimenggu', 'Inner Mongolia', 'Nei Mongol'],
  },
  { name: '广西壮族自治区', short: '广西', abbreviations: ['桂'], english: ['Guangxi'] },
  { name: '西藏自治区', short: '西藏', abbreviations: ['藏'], english: ['Xizang', 'Tibet'] },
  { name: '宁夏回族自治区', short: '宁夏', abbreviations: [], english: ['Ningxia'] },
  { name: '新疆维吾尔自治区', short: '新疆', abbreviations: [], english: ['Xinjiang'] },
  { name: '香港特别行政区', short: '香港', abbreviations: ['港'], english: ['Xianggang', 'Hong Kong', 'HK'] },
  { name: '澳门特别行政区', short: '澳门', abbreviations: ['澳'], english: ['Aomen', 'Macau', 'Macao'] },
];

/** Other names in use for a province-level division (compared like any spelling). */
export const PROVINCE_ALIASES: ReadonlyArray<readonly [alias: string, name: string]> = [
  ['内蒙', '内蒙古自治区'],
  ['香港特区', '香港特别行政区'],
  ['澳门特区', '澳门特别行政区'],
];

const city = (name: string, province: string, ...english: string[]): CityRecord => ({
  name,
  province,
  english,
});

/** The capital of every province-level division and the other large cities (by urban population). */
export const CITIES: readonly CityRecord[] = [
  city('北京市', '北京市', 'Beijing', 'Peking'),
  city('天津市', '天津市', 'Tianjin'),
  city('上海市', '上海市', 'Shanghai'),
  city('重庆市', '重庆市', 'Chongqing'),
  city('香港特别行政区', '香港特别行政区', 'Hong Kong', 'Xianggang'),
  city('澳门特别行政区', '澳门特别行政区', 'Macau', 'Macao', 'Aomen'),
  city('石家庄市', '河北省', 'Shijiazhuang'),
  city('太原市', '山西省', 'Taiyuan'),
  city('沈阳市', '辽宁省', 'Shenyang'),
  city('长春市', '吉林省', 'Changchun'),
  city('哈尔滨市', '黑龙江省', 'Harbin', 'Haerbin'),
  city('南京市', '江苏省', 'Nanjing'),
  city('杭州市', '浙江省', 'Hangzhou'),
  city('合肥市', '安徽省', 'Hefei'),
  city('福州市', '福建省', 'Fuzhou'),
  city('南昌市', '江西省', 'Nanchang'),
  city('济南市', '山东省', 'Jinan'),
  city('郑州市', '河南省', 'Zhengzhou'),
  city('武汉市', '湖北省', 'Wuhan'),
  city('长沙市', '湖南省', 'Changsha'),
  city('广州市', '广东省', 'Guangzhou', 'Canton'),
  city('海口市', '海南省', 'Haikou'),
  city('成都市', '四川省', 'Chengdu'),
  city('贵阳市', '贵州省', 'Guiyang'),
  city('昆明市', '云南省', 'Kunming'),
  city('西安市', '陕西省', "Xi'an"),
  city('兰州市', '甘肃省', 'Lanzhou'),
  city('西宁市', '青海省', 'Xining'),
  city('台北市', '台湾省', 'Taibei', 'Taipei'),
  city('呼和浩特市', '内蒙古自治区', 'Huhehaote', 'Hohhot'),
  city('南宁市', '广西壮族自治区', 'Nanning'),
  city('拉萨市', '西藏自治区', 'Lasa', 'Lhasa'),
  city('银川市', '宁夏回族自治区', 'Yinchuan'),
  city('乌鲁木齐市', '新疆维吾尔自治区', 'Wulumuqi', 'Urumqi'),
  city('深圳市', '广东省', 'Shenzhen'),
  city('东莞市', '广东省', 'Dongguan'),
  city('佛山市', '广东省', 'Foshan'),
  city('珠海市', '广东省', 'Zhuhai'),
  city('中山市', '广东省', 'Zhongshan'),
  city('惠州市', '广东省', 'Huizhou'),
  city('汕头市', '广东省', 'Shantou'),
  city('江门市', '广东省', 'Jiangmen'),
  city('湛江市', '广东省', 'Zhanjiang'),
  city('苏州市', '江苏省', 'Suzhou'),
  city('无锡市', '江苏省', 'Wuxi'),
  city('常州市', '江苏省', 'Changzhou'),
  city('南通市', '江苏省', 'Nantong'),
  city('徐州市', '江苏省', 'Xuzhou'),
  city('扬州市', '江苏省', 'Yangzhou'),
  city('盐城市', '江苏省', 'Yancheng'),
  city('泰州市', '江苏省', 'Taizhou'),
  city('镇江市', '江苏省', 'Zhenjiang'),
  city('宁波市', '浙江省', 'Ningbo'),
  city('温州市', '浙江省', 'Wenzhou'),
  city('嘉兴市', '浙江省', 'Jiaxing'),
  city('绍兴市', '浙江省', 'Shaoxing'),
  city('金华市', '浙江省', 'Jinhua'),
  city('台州市', '浙江省', 'Taizhou'),
  city('湖州市', '浙江省', 'Huzhou'),
  city('青岛市', '山东省', 'Qingdao'),
  city('烟台市', '山东省', 'Yantai'),
  city('潍坊市', '山东省', 'Weifang'),
  city('临沂市', '山东省', 'Linyi'),
  city('淄博市', '山东省', 'Zibo'),
  city('济宁市', '山东省', 'Jining'),
  city('威海市', '山东省', 'Weihai'),
  city('厦门市', '福建省', 'Xiamen', 'Amoy'),
  city('泉州市', '福建省', 'Quanzhou'),
  city('漳州市', '福建省', 'Zhangzhou'),
  city('大连市', '辽宁省', 'Dalian'),
  city('吉林市', '吉林省', 'Jilin'),
  city('大庆市', '黑龙江省', 'Daqing'),
  city('唐山市', '河北省', 'Tangshan'),
  city('保定市', '河北省', 'Baoding'),
  city('邯郸市', '河北省', 'Handan'),
  city('廊坊市', '河北省', 'Langfang'),
  city('沧州市', '河北省', 'Cangzhou'),
  city('秦皇岛市', '河北省', 'Qinhuangdao'),
  city('洛阳市', '河南省', 'Luoyang'),
  city('南阳市', '河南省', 'Nanyang'),
  city('芜湖市', '安徽省', 'Wuhu'),
  city('赣州市', '江西省', 'Ganzhou'),
  city('九江市', '江西省', 'Jiujiang'),
  city('襄阳市', '湖北省', 'Xiangyang'),
  city('宜昌市', '湖北省', 'Yichang'),
  city('株洲市', '湖南省', 'Zhuzhou'),
  city('岳阳市', '湖南省', 'Yueyang'),
  city('衡阳市', '湖南省', 'Hengyang'),
  city('柳州市', '广西壮族自治区', 'Liuzhou'),
  city('桂林市', '广西壮族自治区', 'Guilin'),
  city('遵义市', '贵州省', 'Zunyi'),
  city('绵阳市', '四川省', 'Mianyang'),
  city('包头市', '内蒙古自治区', 'Baotou'),
  city('鄂尔多斯市', '内蒙古自治区', 'Eerduosi', 'Ordos'),
  city('三亚市', '海南省', 'Sanya'),
];

/**
 * Romanisations shared with a city missing from `CITIES` (宿州 Suzhou, 抚州 Fuzhou): read as
 * ambiguous rather than guessed. Collisions inside `CITIES` (台州/泰州 Taizhou) are found by the index.
 */
export const AMBIGUOUS_CITY_SPELLINGS: readonly string[] = ['Suzhou', 'Fuzhou'];
