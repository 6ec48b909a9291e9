/**
 * Word lists for generated people. Surnames carry rough relative frequencies (per mille of the
 * population) and their pinyin; given-name characters are listed most common first, and several
 * share a pinyin (伟/威/维, 静/晶) as real IME slips do.
 */

/** `surname:pinyin:weight`, most frequent first. */
const SURNAME_TABLE = `王:wang:71 李:li:70 张:zhang:67 刘:liu:54 陈:chen:46 杨:yang:31 黄:huang:22 赵:zhao:21
吴:wu:20 周:zhou:19 徐:xu:15 孙:sun:15 马:ma:14 朱:zhu:13 胡:hu:13 郭:guo:11 何:he:11 高:gao:10 林:lin:10
罗:luo:9 郑:zheng:9 梁:liang:8 谢:xie:7 宋:song:6 唐:tang:6 许:xu:6 韩:han:5 冯:feng:5 邓:deng:5
曹:cao:5 彭:peng:5 曾:zeng:5 肖:xiao:5 田:tian:4 董:dong:4 袁:yuan:4 潘:pan:4 于:yu:4 蒋:jiang:4
蔡:cai:4 余:yu:4 杜:du:4 叶:ye:4 程:cheng:3 苏:su:3 魏:wei:3 吕:lv:3 丁:ding:3 任:ren:3 沈:shen:3
姚:yao:3 卢:lu:3 姜:jiang:3 崔:cui:3 钟:zhong:3 谭:tan:3 陆:lu:3 汪:wang:3 范:fan:3 金:jin:3
石:shi:2 廖:liao:2 贾:jia:2 夏:xia:2 韦:wei:2 付:fu:2 方:fang:2 白:bai:2 邹:zou:2 孟:meng:2
熊:xiong:2 秦:qin:2 邱:qiu:2 江:jiang:2 尹:yin:2 薛:xue:2 段:duan:2 雷:lei:2 侯:hou:2 龙:long:2
史:shi:2 陶:tao:2 黎:li:2 贺:he:2 顾:gu:2 毛:mao:2 郝:hao:2 龚:gong:2 邵:shao:2 万:wan:2 钱:qian:2
严:yan:2 武:wu:1 戴:dai:1 莫:mo:1 孔:kong:1 欧阳:ouyang:1 司马:sima:1 诸葛:zhuge:1`;

/** `char:pinyin`, roughly most common in given names first. */
const GIVEN_TABLE = `伟:wei 芳:fang 娜:na 敏:min 静:jing 丽:li 强:qiang 磊:lei 军:jun 洋:yang 勇:yong
艳:yan 杰:jie 娟:juan 涛:tao 明:ming 超:chao 秀:xiu 霞:xia 平:ping 刚:gang 英:ying 华:hua 玲:ling
建:jian 文:wen 辉:hui 红:hong 鹏:peng 飞:fei 晓:xiao 小:xiao 宇:yu 浩:hao 婷:ting 雪:xue 梅:mei
兰:lan 琴:qin 萍:ping 欣:xin 新:xin 鑫:xin 子:zi 梓:zi 轩:xuan 萱:xuan 睿:rui 瑞:rui 天:tian
嘉:jia 佳:jia 家:jia 思:si 怡:yi 艺:yi 莉:li 方:fang 晶:jing 燕:yan 颖:ying 琳:lin 林:lin 霖:lin
威:wei 维:wei 俊:jun 鸣:ming 慧:hui 洁:jie 峰:feng 锋:feng 健:jian 国:guo 志:zhi 智:zhi 斌:bin
彬:bin 雨:yu 豪:hao 凯:kai 龙:long 波:bo 博:bo 亮:liang 东:dong 冬:dong 海:hai 晨:chen 辰:chen
阳:yang 成:cheng 诚:cheng 倩:qian 淑:shu 雯:wen 悦:yue 月:yue 玉:yu 蕾:lei 璐:lu 露:lu 涵:han
晗:han 彤:tong 桐:tong 欢:huan 芬:fen 美:mei 虹:hong`;

export interface Syllable {
  readonly text: string;
  readonly pinyin: string;
}

export interface Surname extends Syllable {
  readonly weight: number;
}

export const SURNAMES: readonly Surname[] = SURNAME_TABLE.split(/\s+/).map((entry) => {
  const [text, pinyin, weight] = entry.split(':');
  return { text, pinyin, weight: Number(weight) };
});

export const GIVEN_CHARS: readonly Syllable[] = GIVEN_TABLE.split(/\s+/).map((entry) => {
  const [text, pinyin] = entry.split(':');
  return { text, pinyin };
});

/** `province:city city …` with rough relative sizes given by order (bigger first). */
export const PROVINCES: readonly { readonly province: string; readonly cities: readonly string[] }[] = [
  '广东省:广州市 深圳市 东莞市 佛山市',
  '北京市:北京市',
  '上海市:上海市',
  '浙江省:杭州市 宁波市 温州市',
  '江苏省:南京市 苏州市 无锡市',
  '四川省:成都市 绵阳市',
  '山东省:济南市 青岛市 烟台市',
  '湖北省:武汉市 宜昌市',
  '河南省:郑州市 洛阳市',
  '湖南省:长沙市',
  '福建省:福州市 厦门市',
  '陕西省:西安市',
  '重庆市:重庆市',
  '天津市:天津市',
  '辽宁省:沈阳市 大连市',
  '安徽省:合肥市',
  '河北省:石家庄市',
  '云南省:昆明市',
].map((entry) => {
  const [province, cities] = entry.split(':');
  return { province, cities: cities.split(' ') };
});

export const DISTRICTS: readonly string[] =
  '朝阳区 海淀区 西湖区 天河区 南山区 武侯区 高新区 鼓楼区 江北区 城关区 新城区 滨江区'.split(' ');
export const ROADS: readonly string[] =
  '人民路 解放路 中山路 建设路 和平路 新华路 长江路 文化路 胜利路 友谊路 建国路 光明路'.split(' ');
export const EMAIL_DOMAINS: readonly string[] =
  'qq.com qq.com qq.com 163.com 163.com 126.com sina.com gmail.com foxmail.com outlook.com'.split(' ');
export const MOBILE_PREFIXES: readonly string[] =
  '130 131 132 133 135 136 137 138 139 150 151 152 158 159 177 180 186 187 188 189 199'.split(' ');
