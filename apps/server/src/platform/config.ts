import { z } from 'zod';

/**
 * All configuration: one schema over environment variables, parsed once at boot, failing fast.
 * Nothing outside this file reads `process.env`.
 */
interface VarMeta {
  readonly description: string;
  readonly sensitive?: boolean;
}

/** Whether `zone` is an IANA time zone this runtime knows. */
function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const vars = {
  PORT: [
    z.coerce.number().int().min(0).max(65535).default(3000),
    { description: 'HTTP port of API and console' },
  ],
  HOST: [z.string().default('0.0.0.0'), { description: 'Interface to listen on' }],
  DATABASE_URL: [
    z.string().url().startsWith('postgres').optional(),
    {
      description: 'postgres://… of a PostgreSQL server; unset = embedded PGlite in CDP_DATA_DIR',
      sensitive: true,
    },
  ],
  CDP_DATA_DIR: [z.string().default('./data'), { description: 'Data directory of the embedded database' }],
  CDP_ROLE: [
    z.enum(['all', 'api', 'worker']).default('all'),
    { description: 'Process role: api, worker or both' },
  ],
  CDP_PUBLIC_URL: [
    z.string().url().optional(),
    { description: 'Public origin used in SDK settings (default: request origin)' },
  ],
  CDP_ADMIN_EMAIL: [
    z.string().default('admin@cdp.local'),
    { description: 'Admin login created on first start' },
  ],
  CDP_ADMIN_PASSWORD: [
    z.string().min(8).optional(),
    { description: 'Password of the first admin (default: generated and printed once)', sensitive: true },
  ],
  CDP_SESSION_TTL_HOURS: [
    z.coerce.number().positive().default(12),
    { description: 'Console session lifetime' },
  ],
  CDP_DEDUPE_WINDOW_DAYS: [
    z.coerce.number().positive().max(365).default(7),
    { description: 'messageId dedupe window' },
  ],
  CDP_AUDIENCE_RECHECK_SECONDS: [
    z.coerce.number().int().min(1).max(86_400).default(600),
    { description: 'Audiences with conditions relative to now are recomputed this often' },
  ],
  CDP_TIME_ZONE: [
    z
      .string()
      .default('Asia/Shanghai')
      .refine(isTimeZone, { message: 'not an IANA time zone (e.g. Asia/Shanghai)' }),
    { description: 'Time zone of days in tags and audiences ("in the last 7 days", birthdays)' },
  ],
  CDP_FUTURE_TOLERANCE_MINUTES: [
    z.coerce.number().nonnegative().default(60),
    { description: 'A corrected timestamp later than receivedAt + this is flagged future_timestamp' },
  ],
  CDP_INGEST_MAX_PENDING: [
    z.coerce.number().int().positive().default(50_000),
    { description: 'Messages waiting for commit before the API answers 503 (back-pressure)' },
  ],
  CDP_PG_POOL_SIZE: [
    z.coerce.number().int().min(1).max(200).default(10),
    { description: 'Connections to PostgreSQL' },
  ],
  CDP_STATEMENT_TIMEOUT_MS: [
    z.coerce.number().int().min(0).default(30_000),
    { description: 'statement_timeout of admin queries' },
  ],
  CDP_CORS_ORIGINS: [
    z.string().default('*'),
    { description: 'Origins allowed to call the tracking API (comma list or *)' },
  ],
  CDP_TRUST_PROXY: [
    bool.default(false),
    {
      description:
        'Behind a reverse proxy: take the client IP from X-Forwarded-For (never when exposed directly)',
    },
  ],
  CDP_SECURE_COOKIES: [
    bool.default(false),
    { description: 'Set the Secure flag on session cookies (behind HTTPS)' },
  ],
  CDP_DESTINATION_ALLOW_HOSTS: [
    z.string().default(''),
    {
      description:
        'Hosts (host or host:port, comma list) destinations may call although private or loopback (e.g. an internal gateway)',
    },
  ],
  CDP_DESTINATION_PORTS: [
    z
      .string()
      .default('80,443,8080,8443')
      .transform((s) => s.split(',').map((p) => Number(p.trim())))
      .refine((ports) => ports.every((p) => Number.isInteger(p) && p > 0 && p < 65536), {
        message: 'a comma list of ports',
      }),
    { description: 'Ports destination URLs may name (other hosts need CDP_DESTINATION_ALLOW_HOSTS)' },
  ],
  CDP_EXPORT_DIR: [
    z.string().optional(),
    { description: 'Directory file destinations write into (default: CDP_DATA_DIR/exports)' },
  ],
  CDP_CONSENT_DEFAULT: [
    z.enum(['granted', 'denied']).default('granted'),
    {
      description:
        'A purpose a profile recorded no consent for: granted (opt-out) or denied (opt-in, e.g. marketing under PIPL)',
    },
  ],
  CDP_DELIVERY_BACKOFF_BASE_MS: [
    z.coerce.number().int().min(1).default(10_000),
    { description: 'First retry of a failed delivery within this; doubles per attempt (full jitter)' },
  ],
  CDP_DELIVERY_BACKOFF_CAP_MS: [
    z.coerce.number().int().min(1).default(300_000),
    { description: 'Longest wait between delivery retries' },
  ],
  LOG_LEVEL: [
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    { description: 'Log level' },
  ],
} as const satisfies Record<string, readonly [z.ZodType, VarMeta]>;

type Vars = typeof vars;
export type Config = { readonly [K in keyof Vars]: z.output<Vars[K][0]> };

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment (or the given record). Throws a ConfigError naming every bad variable. */
export function loadConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
  overrides: Partial<Config> = {},
): Config {
  const out: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, [schema]] of Object.entries(vars)) {
    const raw = env[name] === '' ? undefined : env[name];
    const parsed = schema.safeParse(raw);
    if (parsed.success) out[name] = parsed.data;
    else problems.push(`${name}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  }
  if (problems.length) throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  return { ...(out as Config), ...overrides };
}

/** The configuration with sensitive values redacted, for printing. */
export function describeConfig(config: Config): Array<{ name: string; value: string; description: string }> {
  return Object.entries(vars).map(([name, [, meta]]) => {
    const value = (config as Record<string, unknown>)[name];
    const shown = value === undefined ? '' : (meta as VarMeta).sensitive ? '[redacted]' : String(value);
    return { name, value: shown, description: meta.description };
  });
}

/** Reads one variable that is not product configuration (used by tests and tools only). */
export function readEnv(name: string): string | undefined {
  return process.env[name] || undefined;
}
