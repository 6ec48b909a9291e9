import type { Identifier } from '../graph/observation.ts';
import type { IdentifierType } from '../identifiers/identifier-types.ts';
import { normalizeIdentifier } from '../identifiers/normalize-identifier.ts';

/** What one event or import row says about whom it concerns. */
export interface IdentityInput {
  readonly userId?: string | null;
  readonly anonymousId?: string | null;
  /** An alias's `previousId`: an earlier anonymous id of the same person. */
  readonly previousId?: string | null;
  /** `context.device.id`. */
  readonly deviceId?: unknown;
  /** Identify traits over `context.traits`: identifiers are read from each type's `traitKeys`. */
  readonly traits?: Readonly<Record<string, unknown>> | null;
}

/** Data-quality findings: `invalid_phone`, `invalid_email`, … per type, junk values, no usable id. */
export type QualityIssue = `invalid_${string}` | 'junk_identifier' | 'missing_identifier';

export interface ExtractedIdentifiers {
  /** Normalised, valid, non-junk, each once, in the order of `types`. */
  readonly identifiers: Identifier[];
  readonly issues: QualityIssue[];
}

const APP_ID_KEYS = ['wechat_appid', 'appid', 'appId', 'app_id'] as const;

function rawValues(type: IdentifierType, input: IdentityInput): unknown[] {
  const values: unknown[] = [];
  if (type.name === 'user_id') values.push(input.userId);
  if (type.name === 'anonymous_id') values.push(input.anonymousId, input.previousId);
  if (type.name === 'device_id') values.push(input.deviceId);
  for (const key of type.traitKeys) {
    const value = input.traits?.[key];
    if (Array.isArray(value)) values.push(...value);
    else values.push(value);
  }
  return values.filter((v) => v !== undefined && v !== null && v !== '');
}

/** An id unique only within an app (WeChat OpenID) is stored as `appId/openId` when the app is known. */
function scoped(type: IdentifierType, value: string, input: IdentityInput): string {
  if (type.scope !== 'app_id') return value;
  const appId = APP_ID_KEYS.map((k) => input.traits?.[k]).find((v) => typeof v === 'string' && v.trim());
  return typeof appId === 'string' ? `${appId.trim()}/${value}` : value;
}

/**
 * The identifiers of one event or import row, each normalised by its type (emails lower-cased and
 * checked, phones to E.164 with `defaultRegion`, WeChat ids checked). Invalid and junk values never
 * link: they are reported as data-quality issues instead, and the evidence keeps the rest.
 */
export function extractIdentifiers(
  input: IdentityInput,
  types: readonly IdentifierType[],
  options: { readonly defaultRegion?: string } = {},
): ExtractedIdentifiers {
  const identifiers: Identifier[] = [];
  const issues = new Set<QualityIssue>();
  const seen = new Set<string>();
  for (const type of types) {
    for (const raw of rawValues(type, input)) {
      const result = normalizeIdentifier(type.name, raw, { ...options, definition: type });
      if (!result.valid || result.value === null) {
        if (result.reason === 'junk') issues.add('junk_identifier');
        else if (result.reason !== 'empty') issues.add(`invalid_${type.name}`);
        continue;
      }
      const value = scoped(type, result.value, input);
      const key = `${type.name}:${value}`;
      if (seen.has(key)) continue;
      seen.add(key);
      identifiers.push({ type: type.name, value });
    }
  }
  if (identifiers.length === 0) issues.add('missing_identifier');
  return { identifiers, issues: [...issues] };
}
