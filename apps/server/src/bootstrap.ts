import type { Source } from '@cdp/protocol';
import type { Services } from './app.ts';
import { DEFAULT_WORKSPACE } from './modules/auth/index.ts';
import type { Config } from './platform/config.ts';
import { newSecret } from './platform/ids.ts';

export interface BootstrapResult {
  readonly adminEmail: string;
  /** Set only when the admin was created now (the password cannot be shown later). */
  readonly adminPassword: string | null;
  readonly defaultSource: Source;
}

/** First start: an admin login and a default web source, so a new user can log in and send data. */
export async function bootstrap(config: Config, services: Services): Promise<BootstrapResult> {
  let adminPassword: string | null = null;
  if ((await services.auth.countUsers()) === 0) {
    adminPassword = config.CDP_ADMIN_PASSWORD ?? newSecret(12);
    await services.auth.createUser(config.CDP_ADMIN_EMAIL, adminPassword, 'owner');
  }
  const sources = await services.sources.list(DEFAULT_WORKSPACE);
  const defaultSource =
    sources[0] ?? (await services.sources.create(DEFAULT_WORKSPACE, { name: 'Website', type: 'web' }));
  return { adminEmail: config.CDP_ADMIN_EMAIL, adminPassword, defaultSource };
}
