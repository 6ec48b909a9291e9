import { domainToASCII } from 'node:url';
import validator from 'validator';
import { cleanText, scalarText } from '../../../platform/text/clean-text.ts';
import { isJunkEmail } from './email-junk.ts';

export type EmailReason = 'empty' | 'syntax' | 'junk';

export interface NormalizedEmail {
  /** The canonical address; for an invalid one, the cleaned string (flagged, not dropped). */
  readonly value: string | null;
  readonly valid: boolean;
  readonly reason?: EmailReason;
}

/**
 * validator's `isEmail` options. ASCII local parts only (after NFKC, a non-ASCII local part is a
 * typo far more often than an RFC 6531 address, and many mail systems refuse them); a TLD is
 * required (`a@localhost` is no customer's address); no IP-literal domains; no display name (we
 * extract `Name <addr>` ourselves); RFC length limits (64 local, 254 total) enforced; no
 * Gmail-specific rules, so the result does not depend on the provider.
 */
const IS_EMAIL_OPTIONS = {
  allow_utf8_local_part: false,
  require_tld: true,
  allow_ip_domain: false,
  allow_display_name: false,
  ignore_max_length: false,
  domain_specific_validation: false,
} as const;

/** Longer input is no address (RFC 5321: 254) and is not worth cleaning up. */
const MAX_INPUT = 512;

const WRAPPERS: ReadonlyArray<readonly [string, string]> = [
  ['<', '>'],
  ['"', '"'],
  ["'", "'"],
  ['`', '`'],
  ['“', '”'],
  ['‘', '’'],
  ['《', '》'],
  ['「', '」'],
  ['(', ')'],
];

const invalid = (value: string | null, reason: EmailReason): NormalizedEmail => ({
  value,
  valid: false,
  reason,
});

/** One pass of clean-up; `cleanAddress` repeats it until nothing changes. */
function cleanOnce(text: string): string {
  let s = cleanText(text).replace(/[。｡]/g, '.').toLowerCase();
  s = s.replace(/^mailto:/, '').replace(/[,;，；、.]+$/, '');
  const named = /^[^<>]*<([^<>]+)>$/.exec(s); // Display Name <addr>
  if (named?.[1] && !s.startsWith('<')) s = named[1];
  for (const [open, close] of WRAPPERS) {
    if (s.length >= 2 && s.startsWith(open) && s.endsWith(close)) s = s.slice(open.length, -close.length);
  }
  return s.replace(/\s*([@.])\s*/g, '$1');
}

function cleanAddress(text: string): string {
  let s = text;
  for (let i = 0; i < 8; i++) {
    const next = cleanOnce(s);
    if (next === s) break;
    s = next;
  }
  return s;
}

/**
 * Normalises an e-mail address as typed by a customer or cashier: NFKC (full-width `＠` and
 * letters), trim, strip `mailto:`, `<…>`, quotes and a trailing `,;。`, collapse spaces around `@`
 * and `.`, lower-case the whole address (local parts are case-insensitive in practice), convert an
 * IDN domain to ASCII (`url.domainToASCII`), check syntax, then flag placeholders (`isJunkEmail`).
 * Never throws; idempotent on `value`.
 */
export function normalizeEmail(input: unknown): NormalizedEmail {
  if (input === null || input === undefined) return invalid(null, 'empty');
  const text = scalarText(input);
  if (text === null) return invalid(null, 'syntax');
  const trimmed = cleanText(text);
  if (trimmed.length > MAX_INPUT) return invalid(trimmed, 'syntax');
  const cleaned = cleanAddress(trimmed);
  if (cleaned === '') return invalid(null, 'empty');
  const at = cleaned.lastIndexOf('@');
  const local = cleaned.slice(0, Math.max(at, 0));
  const domain = at > 0 ? domainToASCII(cleaned.slice(at + 1)) : '';
  if (local === '' || domain === '') return invalid(cleaned, 'syntax');
  const address = `${local}@${domain}`;
  // An invalid address keeps its cleaned text: the IDN conversion of a broken domain (`,#` → `,`) is
  // no fixed point, and re-normalising must give the same value.
  if (!validator.isEmail(address, IS_EMAIL_OPTIONS)) return invalid(cleaned, 'syntax');
  if (isJunkEmail(local, domain)) return invalid(address, 'junk');
  return { value: address, valid: true };
}
