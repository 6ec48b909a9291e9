import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CDP = fileURLToPath(new URL('../../bin/cdp.mjs', import.meta.url));

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `cdp …` as a child process and waits for it to exit (killed after `timeoutMs`). */
export function cdp(args: string[], env: Record<string, string>, timeoutMs = 60_000): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CDP, ...args], {
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Parses the JSON a `--json` command printed, failing with everything it wrote. */
export function json<T>(run: Run, what: string): T {
  assert.equal(run.code, 0, `${what} exits 0:\n${run.stdout}\n${run.stderr}`);
  try {
    return JSON.parse(run.stdout) as T;
  } catch {
    assert.fail(`${what} prints JSON, got:\n${run.stdout}\n${run.stderr}`);
  }
}
