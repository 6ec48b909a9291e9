import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
export const SCREENSHOTS = `${ROOT}artifacts/screenshots`;

/** Why browser tests cannot run here, or null. (.ci/run installs Debian's chromium.) */
export function browserUnavailable(): string | null {
  return existsSync(CHROMIUM) ? null : `Chromium not installed at ${CHROMIUM} (apt-get install chromium)`;
}

/** Builds the console if its dist is missing or stale (same check as `npm start`). */
export function ensureConsoleBuilt(): void {
  const r = spawnSync(process.execPath, ['scripts/build-console-if-needed.mjs'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('console build failed');
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/**
 * A console page of the given viewport whose script dialogs are recorded in `dialogs` and dismissed
 * (tests assert there were none: user text must render as text).
 */
export async function consolePage(
  browser: Browser,
  dialogs: string[],
  viewport = { width: 1440, height: 1000 },
): Promise<Page> {
  const page = await browser.newPage({ viewport });
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return page;
}

/** Keeps a screenshot as a test artifact (artifacts/ is ignored by git). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}

/** Signs in through the login page as `user` and waits for the overview. */
export async function logIn(
  page: Page,
  url: string,
  user: { email: string; password: string },
): Promise<void> {
  await page.goto(`${url}/login`);
  await page.getByTestId('login-email').fill(user.email);
  await page.getByTestId('login-password').fill(user.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('ingestion-chart').waitFor({ timeout: 15_000 });
}
