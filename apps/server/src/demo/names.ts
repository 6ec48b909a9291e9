import { type Rng, Weighted } from './random.ts';

/** A Chinese personal name with its pinyin (used to derive realistic e-mail local parts). */
export interface PersonName {
  readonly full: string;
  readonly surname: string;
  readonly given: string;
  readonly surnamePinyin: string;
  readonly givenPinyin: string;
}

export type Gender = 'female' | 'male';

/** Surname, pinyin, share of the population in % (approximate, 2020 census order). */
const SURNAMES: ReadonlyArray<readonly [string, string, number]> = [
  ['王', 'wang', 7.25], ['李', 'li', 7.19], ['张', 'zhang', 6.83], ['刘', 'liu', 5.38], ['陈', 'chen', 4.53],
  ['杨', 'yang', 3.08], ['黄', 'huang', 2.23], ['赵', 'zhao', 2.14], ['吴', 'wu', 2.05], ['周', 'zhou', 2.01],
  ['徐', 'xu', 1.66], ['孙', 'sun', 1.54], ['马', 'ma', 1.3], ['朱', 'zhu', 1.26], ['胡', 'hu', 1.15],
  ['郭', 'guo', 1.1], ['何', 'he', 0.99], ['高', 'gao', 0.97], ['林', 'lin', 0.96], ['罗', 'luo', 0.86],
  ['郑', 'zheng', 0.81], ['梁', 'liang', 0.79], ['谢', 'xie', 0.74], ['宋', 'song', 0.68], ['唐', 'tang', 0.65],
  ['许', 'xu', 0.63], ['韩', 'han', 0.61], ['冯', 'feng', 0.59], ['邓', 'deng', 0.58], ['曹', 'cao', 0.57],
  ['彭', 'peng', 0.55], ['曾', 'zeng', 0.53], ['肖', 'xiao', 0.52], ['田', 'tian', 0.51], ['董', 'dong', 0.5],
  ['袁', 'yuan', 0.49], ['潘', 'pan', 0.48], ['于', 'yu', 0.47], ['蒋', 'jiang', 0.46], ['蔡', 'cai', 0.45],
  ['余', 'yu', 0.44], ['杜', 'du', 0.43], ['叶', 'ye', 0.42], ['程', 'cheng', 0.41], ['苏', 'su', 0.4],
  ['魏', 'wei', 0.39], ['吕', 'lv', 0.38], ['丁', 'ding', 0.37], ['任', 'ren', 0.36], ['沈', 'shen', 0.35],
  ['姚', 'yao', 0.34], ['卢', 'lu', 0.33], ['姜', 'jiang', 0.32], ['崔', 'cui', 0.31], ['钟', 'zhong', 0.3],
  ['谭', 'tan', 0.29], ['陆', 'lu', 0.28], ['汪', 'wang', 0.27], ['范', 'fan', 0.26], ['金', 'jin', 0.25],
  ['石', 'shi', 0.24], ['廖', 'liao', 0.23], ['贾', 'jia', 0.22], ['夏', 'xia', 0.21], ['韦', 'wei', 0.2],
  ['付', 'fu', 0.19], ['方', 'fang', 0.18], ['白', 'bai', 0.17], ['邹', 'zou', 0.16], ['孟', 'meng', 0.15],
  ['熊', 'xiong', 0.14], ['秦', 'qin', 0.13], ['邱', 'qiu', 0.12], ['江', 'jiang', 0.12], ['尹', 'yin', 0.11],
  ['薛', 'xue', 0.11], ['闫', 'yan', 0.1], ['段', 'duan', 0.1], ['雷', 'lei', 0.1], ['侯', 'hou', 0.1],
  ['龙', 'long', 0.1], ['史', 'shi', 0.1], ['陶', 'tao', 0.1], ['黎', 'li', 0.1], ['贺', 'he', 0.1],
  ['顾', 'gu', 0.1], ['毛', 'mao', 0.1], ['郝', 'hao', 0.1], ['龚', 'gong', 0.1], ['邵', 'shao', 0.1],
  ['万', 'wan', 0.09], ['钱', 'qian', 0.09], ['严', 'yan', 0.09], ['覃', 'qin', 0.08], ['武', 'wu', 0.08],
  ['戴', 'dai', 0.08], ['莫', 'mo', 0.08], ['孔', 'kong', 0.07], ['向', 'xiang', 0.07], ['汤', 'tang', 0.07],
  ['欧阳', 'ouyang', 0.03], ['上官', 'shangguan', 0.005], ['司马', 'sima', 0.005], ['诸葛', 'zhuge', 0.003],
];

/** Characters common in given names, with pinyin: [female, neutral, male]. */
const FEMALE: ReadonlyArray<readonly [string, string]> = [
  ['芳', 'fang'], ['娜', 'na'], ['敏', 'min'], ['静', 'jing'], ['丽', 'li'], ['艳', 'yan'], ['娟', 'juan'],
  ['霞', 'xia'], ['婷', 'ting'], ['雪', 'xue'], ['琳', 'lin'], ['颖', 'ying'], ['倩', 'qian'], ['洁', 'jie'],
  ['欣', 'xin'], ['怡', 'yi'], ['悦', 'yue'], ['梦', 'meng'], ['萱', 'xuan'], ['涵', 'han'], ['瑶', 'yao'],
  ['晴', 'qing'], ['诗', 'shi'], ['馨', 'xin'], ['彤', 'tong'], ['琪', 'qi'], ['璐', 'lu'], ['蕾', 'lei'],
  ['玲', 'ling'], ['燕', 'yan'], ['红', 'hong'], ['梅', 'mei'], ['慧', 'hui'], ['莉', 'li'], ['萍', 'ping'],
  ['珊', 'shan'], ['妍', 'yan'], ['菲', 'fei'], ['薇', 'wei'], ['露', 'lu'], ['婉', 'wan'], ['曦', 'xi'],
  ['佳', 'jia'], ['雯', 'wen'], ['丹', 'dan'], ['秀', 'xiu'], ['桂', 'gui'], ['英', 'ying'], ['蓉', 'rong'],
];
const NEUTRAL: ReadonlyArray<readonly [string, string]> = [
  ['子', 'zi'], ['一', 'yi'], ['宁', 'ning'], ['嘉', 'jia'], ['思', 'si'], ['雨', 'yu'], ['可', 'ke'],
  ['晓', 'xiao'], ['清', 'qing'], ['安', 'an'], ['乐', 'le'], ['若', 'ruo'], ['舒', 'shu'], ['文', 'wen'],
  ['欣', 'xin'], ['梓', 'zi'], ['语', 'yu'], ['心', 'xin'], ['沐', 'mu'], ['辰', 'chen'], ['晨', 'chen'],
];
const MALE: ReadonlyArray<readonly [string, string]> = [
  ['伟', 'wei'], ['强', 'qiang'], ['磊', 'lei'], ['军', 'jun'], ['勇', 'yong'], ['杰', 'jie'], ['涛', 'tao'],
  ['明', 'ming'], ['超', 'chao'], ['刚', 'gang'], ['平', 'ping'], ['辉', 'hui'], ['鹏', 'peng'], ['华', 'hua'],
  ['飞', 'fei'], ['鑫', 'xin'], ['波', 'bo'], ['斌', 'bin'], ['宇', 'yu'], ['浩', 'hao'], ['凯', 'kai'],
  ['健', 'jian'], ['俊', 'jun'], ['帆', 'fan'], ['旭', 'xu'], ['龙', 'long'], ['阳', 'yang'], ['博', 'bo'],
  ['轩', 'xuan'], ['睿', 'rui'], ['泽', 'ze'], ['豪', 'hao'], ['航', 'hang'], ['铭', 'ming'], ['天', 'tian'],
  ['然', 'ran'], ['锦', 'jin'], ['志', 'zhi'], ['建', 'jian'], ['国', 'guo'], ['海', 'hai'], ['东', 'dong'],
  ['峰', 'feng'], ['亮', 'liang'], ['成', 'cheng'], ['翔', 'xiang'], ['逸', 'yi'], ['宸', 'chen'], ['皓', 'hao'],
];

const surnameTable = new Weighted(SURNAMES.map((s) => [s, s[2]] as const));
const FEMALE_POOL = [...FEMALE, ...FEMALE, ...NEUTRAL];
const MALE_POOL = [...MALE, ...MALE, ...NEUTRAL];

/** A random Chinese name; people born earlier more often have a one-character given name. */
export function randomName(rng: Rng, gender: Gender, birthYear: number): PersonName {
  const [surname, surnamePinyin] = surnameTable.pick(rng);
  const pool = gender === 'female' ? FEMALE_POOL : MALE_POOL;
  const single = rng.chance(birthYear < 1985 ? 0.45 : 0.2);
  const [c1, p1] = rng.pick(pool);
  if (single || surname.length === 2) {
    return { full: surname + c1, surname, given: c1, surnamePinyin, givenPinyin: p1 };
  }
  let [c2, p2] = rng.pick(pool);
  if (c2 === c1 && rng.chance(0.7)) [c2, p2] = rng.pick(pool);
  return { full: surname + c1 + c2, surname, given: c1 + c2, surnamePinyin, givenPinyin: p1 + p2 };
}
