export { BUILT_IN_IDENTIFIER_TYPES, type IdentifierType } from './identifiers/identifier-types.ts';
export { normalizeEmail } from './identifiers/normalize-email.ts';
export { normalizeIdentifier } from './identifiers/normalize-identifier.ts';
export { normalizePhone } from './identifiers/normalize-phone.ts';
