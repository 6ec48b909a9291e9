import { type Rng, Weighted } from './random.ts';
import { MINI_PROGRAM_APP_ID } from './wechat.ts';

/**
 * Browsers, phones and SDK identities. Objects returned here are shared (by reference) between the
 * messages of one customer: treat generated messages as immutable, or clone before mutating nested
 * context objects.
 */

export const WEB_LIBRARY = { name: 'analytics.js', version: 'next-1.84.3' } as const;
export const MINI_LIBRARY = { name: 'analytics-wechat-miniprogram', version: '2.4.1' } as const;
export const IOS_LIBRARY = { name: 'analytics-swift', version: '1.7.3' } as const;
export const ANDROID_LIBRARY = { name: 'analytics-kotlin', version: '1.19.1' } as const;
export const POS_LIBRARY = { name: 'lanyue-pos-sync', version: '3.2.0' } as const;
export const ECOMMERCE_LIBRARY = { name: 'lanyue-marketplace-connector', version: '1.8.4' } as const;

// biome-ignore format: data table
const BROWSERS = new Weighted<readonly [ua: string, mobile: boolean]>([
  [['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36', false], 16],
  [['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0', false], 7],
  [['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15', false], 8],
  [['Mozilla/5.0 (Windows NT 10.0; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/108.0.5359.95 Safari/537.36 QIHU 360SE', false], 4],
  [['Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1', true], 16],
  [['Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.53(0x18003531) NetType/WIFI Language/zh_CN', true], 14],
  [['Mozilla/5.0 (Linux; Android 14; V2309A Build/UP1A.231005.007; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/130.0.6723.103 Mobile Safari/537.36 XWEB/1300289 MMWEBSDK/20241103 MicroMessenger/8.0.54.2760(0x28003637) WeChat/arm64 NetType/5G Language/zh_CN', true], 12],
  [['Mozilla/5.0 (Linux; Android 12; HarmonyOS; ALN-AL00; HMSCore 6.14.0.302) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/114.0.5735.196 HuaweiBrowser/15.0.4.312 Mobile Safari/537.36', true], 8],
  [['Mozilla/5.0 (Linux; U; Android 14; zh-CN; 23127PN0CC Build/UKQ1.230804.001) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/100.0.4896.58 UCBrowser/17.1.2.1300 Mobile Safari/537.36', true], 5],
  [['Mozilla/5.0 (Linux; U; Android 13; zh-cn; PHZ110 Build/TP1A.220905.001) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/109.0.5414.86 MQQBrowser/15.4 Mobile Safari/537.36', true], 5],
  [['Mozilla/5.0 (Linux; Android 14; 23127PN0CC Build/UKQ1.230804.001; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/118.0.0.0 Mobile Safari/537.36 XiaoHongShu/8.59.1', true], 5],
]);

export interface Browser {
  readonly userAgent: string;
  readonly mobile: boolean;
}

export function randomBrowser(rng: Rng): Browser {
  const [userAgent, mobile] = BROWSERS.pick(rng);
  return { userAgent, mobile };
}

export interface Phone {
  readonly ios: boolean;
  readonly manufacturer: string;
  readonly model: string;
  readonly osVersion: string;
  readonly width: number;
  readonly height: number;
}

// biome-ignore format: data table
const PHONES = new Weighted<Phone>([
  [{ ios: true, manufacturer: 'Apple', model: 'iPhone16,2', osVersion: '18.1', width: 430, height: 932 }, 9],
  [{ ios: true, manufacturer: 'Apple', model: 'iPhone15,3', osVersion: '17.6.1', width: 430, height: 932 }, 8],
  [{ ios: true, manufacturer: 'Apple', model: 'iPhone14,5', osVersion: '17.5', width: 390, height: 844 }, 8],
  [{ ios: true, manufacturer: 'Apple', model: 'iPhone13,2', osVersion: '16.7.10', width: 390, height: 844 }, 5],
  [{ ios: true, manufacturer: 'Apple', model: 'iPhone17,1', osVersion: '18.2', width: 402, height: 874 }, 5],
  [{ ios: false, manufacturer: 'HUAWEI', model: 'ALN-AL00', osVersion: '12', width: 412, height: 915 }, 9],
  [{ ios: false, manufacturer: 'HUAWEI', model: 'NOH-AN00', osVersion: '12', width: 412, height: 915 }, 4],
  [{ ios: false, manufacturer: 'Xiaomi', model: '23127PN0CC', osVersion: '14', width: 393, height: 873 }, 8],
  [{ ios: false, manufacturer: 'Xiaomi', model: '2211133C', osVersion: '13', width: 393, height: 851 }, 4],
  [{ ios: false, manufacturer: 'OPPO', model: 'PHZ110', osVersion: '14', width: 412, height: 919 }, 6],
  [{ ios: false, manufacturer: 'vivo', model: 'V2309A', osVersion: '14', width: 412, height: 919 }, 7],
  [{ ios: false, manufacturer: 'HONOR', model: 'PGT-AN10', osVersion: '14', width: 412, height: 915 }, 5],
  [{ ios: false, manufacturer: 'OnePlus', model: 'PJD110', osVersion: '14', width: 412, height: 919 }, 2],
]);

export function randomPhone(rng: Rng): Phone {
  return PHONES.pick(rng);
}

export const APP_NAME = '澜悦';
const IOS_APP = { name: APP_NAME, version: '5.8.2', build: '58201', namespace: 'cn.lanyue.app' } as const;
const ANDROID_APP = { name: APP_NAME, version: '5.8.1', build: '5810', namespace: 'cn.lanyue.app' } as const;
export const MINI_APP = { name: '澜悦会员商城', version: '3.12.0', namespace: MINI_PROGRAM_APP_ID } as const;

/** Context pieces of one installation of the app. */
export interface AppInstall {
  readonly anonymousId: string;
  readonly app: Record<string, unknown>;
  readonly device: Record<string, unknown>;
  readonly os: Record<string, unknown>;
  readonly screen: Record<string, unknown>;
  readonly library: Record<string, unknown>;
  readonly network: Record<string, unknown>;
}

const CARRIERS = ['中国移动', '中国联通', '中国电信'];

export function appInstall(rng: Rng, phone: Phone): AppInstall {
  const device: Record<string, unknown> = phone.ios
    ? {
        id: rng.uuid().toUpperCase(),
        adTrackingEnabled: false,
        advertisingId: '00000000-0000-0000-0000-000000000000',
        manufacturer: phone.manufacturer,
        model: phone.model,
        type: 'ios',
      }
    : { id: rng.hex(16), manufacturer: phone.manufacturer, model: phone.model, type: 'android' };
  if (!phone.ios && rng.chance(0.6)) device.oaid = rng.uuid();
  return {
    anonymousId: rng.uuid(),
    app: phone.ios ? IOS_APP : ANDROID_APP,
    device,
    os: { name: phone.ios ? 'iOS' : 'Android', version: phone.osVersion },
    screen: { width: phone.width, height: phone.height },
    library: phone.ios ? IOS_LIBRARY : ANDROID_LIBRARY,
    network: { wifi: rng.chance(0.6), cellular: true, carrier: rng.pick(CARRIERS) },
  };
}

/** The user agent of WeChat's mini-program web view on that phone. */
export function miniProgramUserAgent(phone: Phone): string {
  return phone.ios
    ? `Mozilla/5.0 (iPhone; CPU iPhone OS ${phone.osVersion.replaceAll('.', '_')} like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.53(0x18003531) NetType/WIFI Language/zh_CN miniProgram/${MINI_PROGRAM_APP_ID}`
    : `Mozilla/5.0 (Linux; Android ${phone.osVersion}; ${phone.model} Build/UP1A.231005.007; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/130.0.6723.103 Mobile Safari/537.36 XWEB/1300289 MMWEBSDK/20241103 MicroMessenger/8.0.54.2760(0x28003637) WeChat/arm64 Weixin NetType/5G Language/zh_CN ABI/arm64 MiniProgramEnv/android`;
}
