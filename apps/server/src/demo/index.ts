/**
 * `cdp demo`: a deterministic generator of Segment messages for a fictional Chinese fashion & beauty
 * brand (澜悦 LANYUE) with a web shop, a WeChat mini-program, an app, stores (POS) and marketplace
 * shops (Tmall / JD / Douyin). See README.md in this folder for the data model.
 */
export { DEMO_BATCH_SIZE, estimateDemoMessages, generateDemo } from './generate-demo.ts';
export {
  DEFAULT_DEMO_NOW,
  DEMO_SOURCES,
  type DemoBatch,
  type DemoOptions,
  type DemoSourceKey,
  type DemoSourceType,
} from './sources.ts';
export { MINI_PROGRAM_APP_ID, OFFICIAL_ACCOUNT_APP_ID } from './wechat.ts';
