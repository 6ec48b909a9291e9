export { normalizeDate } from './standardize/normalize-date.ts';
export { normalizeGender } from './standardize/normalize-gender.ts';
export { normalizeName } from './standardize/normalize-name.ts';
export { normalizeCity, normalizeProvince } from './standardize/normalize-region.ts';
