import { cleanText } from '../../platform/text/clean-text.ts';
import type { ColumnTarget, ImportKind, ImportMappingInput } from './import-mapping.ts';

/** Compared header spelling: NFKC, lower case, without a bracketed note (`实付金额(元)`), letters and digits only. */
const headerKey = (header: string) =>
  cleanText(header)
    .toLowerCase()
    .replace(/[([【].*?[)\]】]/g, '')
    .replace(/[^\p{L}\p{N}]/gu, '');

type Rule = readonly [target: ColumnTarget, aliases: readonly string[], kinds?: readonly ImportKind[]];
const TRACK: readonly ImportKind[] = ['events', 'orders'];

/** Common header names of CRM, ERP/OMS and POS exports, English and Chinese. Earlier rules win. */
const RULES: readonly Rule[] = [
  [{ identifier: 'user_id' }, ['user_id', 'userid', 'uid', '用户id', '用户编号']],
  [
    { identifier: 'member_id' },
    [
      'member_id',
      'member_no',
      'membernumber',
      'member',
      'vip_no',
      '会员号',
      '会员卡号',
      '会员编号',
      '会员id',
      '卡号',
    ],
  ],
  [
    { identifier: 'phone' },
    [
      'phone',
      'mobile',
      'mobile_phone',
      'cellphone',
      'tel',
      'telephone',
      'phone_number',
      '手机号',
      '手机',
      '手机号码',
    ],
  ],
  [{ identifier: 'phone' }, ['电话', '电话号码', '联系电话', '联系方式', '会员手机号', '顾客手机号']],
  [
    { identifier: 'email' },
    ['email', 'e-mail', 'mail', 'email_address', '邮箱', '电子邮箱', '电子邮件', '邮箱地址'],
  ],
  [{ identifier: 'wechat_unionid' }, ['unionid', 'union_id', 'wechat_unionid', '微信unionid']],
  [{ identifier: 'wechat_openid' }, ['openid', 'open_id', 'wechat_openid', '微信openid']],
  [{ identifier: 'device_id' }, ['device_id', 'deviceid', '设备id', '设备号']],
  [{ identifier: 'anonymous_id' }, ['anonymous_id', 'anonymousid']],
  [
    { trait: 'name' },
    ['name', 'full_name', 'customer_name', '姓名', '名字', '客户姓名', '会员姓名', '顾客姓名'],
  ],
  [{ trait: 'gender' }, ['gender', 'sex', '性别']],
  [
    { trait: 'birthday' },
    ['birthday', 'birth_date', 'date_of_birth', 'dob', '生日', '出生日期', '出生年月日'],
  ],
  [{ trait: 'province' }, ['province', 'state', '省份', '省', '所在省份', '所在省']],
  [{ trait: 'city' }, ['city', '城市', '市', '所在城市', '所在市']],
  [
    { trait: 'member_level' },
    ['member_level', 'level', 'tier', '会员等级', '等级', '会员级别'],
    ['profiles'],
  ],
  [{ trait: 'points', type: 'number' }, ['points', '积分', '可用积分', '积分余额'], ['profiles']],
  [
    { trait: 'createdAt', type: 'date' },
    ['created_at', 'register_date', '注册时间', '注册日期', '开卡时间', '开卡日期', '入会时间', '入会日期'],
    ['profiles'],
  ],
  [
    { field: 'order_id' },
    ['order_id', 'orderid', 'order_no', 'order_number', '订单号', '订单编号', '订单id'],
    TRACK,
  ],
  [{ field: 'event' }, ['event', 'event_name', '事件', '事件名', '事件名称'], TRACK],
  [
    { field: 'timestamp' },
    [
      'timestamp',
      'time',
      'order_time',
      'created_at',
      '下单时间',
      '订单时间',
      '交易时间',
      '支付时间',
      '创建时间',
      '时间',
    ],
    TRACK,
  ],
  [
    { field: 'revenue' },
    ['revenue', 'amount', 'paid', 'paid_amount', '金额', '实付金额', '支付金额', '实收金额', '付款金额'],
    TRACK,
  ],
  [{ field: 'total' }, ['total', 'order_total', '订单金额', '总金额', '应付金额'], TRACK],
  [{ field: 'discount' }, ['discount', '优惠金额', '折扣金额', '优惠'], TRACK],
  [{ field: 'shipping' }, ['shipping', 'freight', '运费'], TRACK],
  [{ field: 'tax' }, ['tax', '税额', '税费'], TRACK],
  [{ field: 'coupon' }, ['coupon', '优惠券', '优惠码'], TRACK],
  [{ field: 'currency' }, ['currency', '币种', '货币'], TRACK],
  [{ field: 'affiliation' }, ['store', 'shop', 'affiliation', '门店', '店铺', '门店名称', '店铺名称'], TRACK],
];
const KEYED_RULES = RULES.map(([target, aliases, kinds]) => ({
  target,
  kinds,
  keys: new Set(aliases.map(headerKey)),
}));

function guessKind(keys: readonly string[]): ImportKind {
  const has = (field: string) =>
    keys.some((k) =>
      KEYED_RULES.some((r) => 'field' in r.target && r.target.field === field && r.keys.has(k)),
    );
  return has('order_id') ? 'orders' : has('event') ? 'events' : 'profiles';
}

/**
 * Guesses a mapping from the header row: each header whose name (English or Chinese, case, spaces,
 * punctuation and a bracketed note ignored) is a common name of an identifier, trait or event field.
 * The kind is `orders` when there is an order id, `events` when there is an event name, else
 * `profiles`, unless given. Each target goes to one header, by the order of the rules (a `手机号`
 * column is the phone before a `电话` one), then of the headers. Not validated: an
 * OpenID column still needs `wechatAppId`, events still need an event name.
 */
export function suggestMapping(headers: readonly string[], kind?: ImportKind): ImportMappingInput {
  const keys = headers.map(headerKey);
  const chosen = kind ?? guessKind(keys);
  const columns: Record<string, ColumnTarget> = {};
  const taken = new Set<string>();
  for (const { target, kinds, keys: aliases } of KEYED_RULES) {
    const id = JSON.stringify(target);
    if ((kinds && !kinds.includes(chosen)) || taken.has(id)) continue;
    const i = keys.findIndex((key, j) => aliases.has(key) && !(headers[j]! in columns));
    if (i < 0) continue;
    taken.add(id);
    columns[headers[i]!] = target;
  }
  return { kind: chosen, columns };
}
