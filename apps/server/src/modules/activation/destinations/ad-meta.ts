import { randomInt } from 'node:crypto';
import type { DeliveryProfile, DestinationContext } from '../destination.ts';
import { PermanentError, RetryableError, responseError, retryAfterMs, SkippedError } from '../destination.ts';
import type { AudienceSync } from './ad-api.ts';
import { required } from './ad-api.ts';
import type { AdAudienceConfig, AdIdentifierType, ResolvedAdConfig } from './ad-audience-config.ts';
import { SessionBatches } from './ad-batches.ts';
import { isUuid, normalizeAdEmail, normalizeMetaPhone, sha256Hex } from './ad-hashing.ts';

/**
 * Meta custom audiences (Graph API): multi-key rows `{ schema, data }` posted to
 * `/{audience_id}/users` (add), deleted from it (remove), or posted to `/{audience_id}/usersreplace`
 * in one numbered session (replace everything), at most 10,000 rows a request.
 */

export type MetaKey = 'EMAIL' | 'PHONE' | 'MADID' | 'EXTERN_ID';

const KEY: Readonly<Partial<Record<AdIdentifierType, MetaKey>>> = {
  email: 'EMAIL',
  phone: 'PHONE',
  device_id: 'MADID',
  user_id: 'EXTERN_ID',
  member_id: 'EXTERN_ID',
};

/** The payload schema: one key per configured identifier type Meta matches on, in config order. */
export function metaSchema(identifiers: readonly AdIdentifierType[]): MetaKey[] {
  const keys = identifiers.map((type) => KEY[type]).filter((key): key is MetaKey => key !== undefined);
  return [...new Set(keys)];
}

/**
 * EMAIL and PHONE SHA-256 (lower-case hex) after Meta's normalisation; MADID (IDFA or Android
 * advertising id) lower-cased and not hashed; EXTERN_ID in plain.
 */
function metaValue(key: MetaKey, value: string): string | null {
  if (key === 'EMAIL') {
    const email = normalizeAdEmail(value);
    return email && sha256Hex(email);
  }
  if (key === 'PHONE') {
    const phone = normalizeMetaPhone(value);
    return phone && sha256Hex(phone);
  }
  if (key === 'MADID') return isUuid(value) ? value.trim().toLowerCase() : null;
  return value.trim() || null;
}

/**
 * A profile's rows under `schema`: as many rows as its most numerous key has values, a key with
 * fewer values left blank ('' is how Meta marks an unknown key).
 */
export function metaRows(
  profile: DeliveryProfile,
  identifiers: readonly AdIdentifierType[],
  schema: readonly MetaKey[] = metaSchema(identifiers),
): string[][] {
  const values = new Map<MetaKey, string[]>(schema.map((key) => [key, []]));
  for (const { type, value } of profile.identifiers) {
    if (!identifiers.includes(type as AdIdentifierType)) continue;
    const key = KEY[type as AdIdentifierType];
    const column = key && values.get(key);
    const hashed = key && column ? metaValue(key, value) : null;
    if (column && hashed && !column.includes(hashed)) column.push(hashed);
  }
  const count = Math.max(0, ...[...values.values()].map((column) => column.length));
  return Array.from({ length: count }, (_, row) => schema.map((key) => values.get(key)?.[row] ?? ''));
}

// error codes Meta documents as temporary or throttling (API too many calls, rate limits, audience throttle)
const TRANSIENT_CODES = new Set([1, 2, 4, 17, 32, 341, 613, 80003]);

async function expectMetaOk(response: Response): Promise<void> {
  if (response.ok) {
    await response.arrayBuffer(); // frees the connection for the next batch
    return;
  }
  const text = await response.text().catch(() => '');
  let error: { code?: number; message?: string; is_transient?: boolean } | undefined;
  try {
    error = (JSON.parse(text) as { error?: typeof error }).error;
  } catch {
    error = undefined;
  }
  if (error && (error.is_transient === true || TRANSIENT_CODES.has(Number(error.code))))
    throw new RetryableError(`Meta answered ${response.status}: ${error.message ?? ''}`.trim(), {
      status: response.status,
      retryAfterMs: retryAfterMs(response.headers.get('retry-after')),
    });
  if (response.status < 400) throw new PermanentError(`Meta answered ${response.status}`);
  throw await responseError(
    new Response(text, { status: response.status, headers: response.headers }),
    'Meta',
  );
}

interface Session {
  readonly session_id: number;
  readonly batch_seq: number;
  readonly last_batch_flag: boolean;
}

const newSessionId = () => randomInt(1, 2 ** 47);

export function metaSync(ctx: DestinationContext<AdAudienceConfig>, config: ResolvedAdConfig): AudienceSync {
  const audienceId = required(config.audienceId, 'audienceId');
  const schema = metaSchema(config.identifiers);

  const call = async (
    method: 'POST' | 'DELETE',
    edge: 'users' | 'usersreplace',
    data: string[][],
    session: Session,
  ) => {
    const response = await ctx.fetch(`${config.apiBase}/${audienceId}/${edge}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ access_token: config.accessToken, session, payload: { schema, data } }),
    });
    await expectMetaOk(response);
  };

  const session = (method: 'POST' | 'DELETE', edge: 'users' | 'usersreplace') => {
    const sessionId = newSessionId();
    return new SessionBatches<string[]>(config.batchSize, (rows, batchSeq, last) =>
      call(method, edge, rows, { session_id: sessionId, batch_seq: batchSeq, last_batch_flag: last }),
    );
  };

  return {
    async change(profile, change) {
      const rows = metaRows(profile, config.identifiers, schema);
      if (rows.length === 0) throw new SkippedError('no identifier Meta matches on');
      await call(change === 'enter' ? 'POST' : 'DELETE', 'users', rows, {
        session_id: newSessionId(),
        batch_seq: 1,
        last_batch_flag: true,
      });
    },

    async snapshot(mode, members) {
      const adds = session('POST', mode === 'full' ? 'usersreplace' : 'users');
      const removes = session('DELETE', 'users');
      for await (const member of members) {
        if (mode === 'full' && member.change === 'exit') continue;
        const batches = member.change === 'enter' ? adds : removes;
        for (const row of metaRows(member.profile, config.identifiers, schema)) await batches.add(row);
      }
      const replaced = await adds.finish();
      await removes.finish();
      // a replace session carries at least one row: with no member the audience is left as it is
      if (mode === 'full' && replaced === 0)
        ctx.log.warn({ destinationId: ctx.destinationId }, 'full snapshot without members: nothing replaced');
    },
  };
}
