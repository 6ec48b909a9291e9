import type { Purpose } from '@cdp/protocol';

/** When a profile recorded nothing for a purpose: send (opt-out regimes) or not (opt-in, e.g. PIPL marketing). */
export type ConsentDefault = 'granted' | 'denied';

/**
 * Why a person's consent forbids a delivery serving `purposes`, or null when it allows it. Consent
 * per purpose is `{ granted: boolean, at?, source? }`; a purpose with no record falls back to the
 * workspace default. Checked when the delivery is sent, not when it is queued, so a withdrawal also
 * stops deliveries already waiting.
 */
export function consentBlock(
  consent: Readonly<Record<string, unknown>>,
  purposes: readonly Purpose[],
  fallback: ConsentDefault,
): string | null {
  for (const purpose of purposes) {
    const record = consent[purpose];
    const granted =
      typeof record === 'object' &&
      record !== null &&
      typeof (record as { granted?: unknown }).granted === 'boolean'
        ? (record as { granted: boolean }).granted
        : fallback === 'granted';
    if (!granted) return `no consent for ${purpose}`;
  }
  return null;
}
