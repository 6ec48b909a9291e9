import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CDP = fileURLToPath(new URL('../../bin/cdp.mjs', import.meta.url));

export interface ChildServer {
  readonly child: ChildProcess;
  readonly url: string;
  readonly writeKey: string;
  /** Everything the process wrote so far. */
  output(): string;
  exited: Promise<number | null>;
}

/** Runs `cdp serve` as a separate process (for crash and signal tests) and waits for its banner. */
export async function spawnServer(env: Record<string, string>, timeoutMs = 60_000): Promise<ChildServer> {
  const child = spawn(process.execPath, [CDP, 'serve'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const started = Date.now();
  while (!/Write key:\s+\S+/.test(out)) {
    if (child.exitCode !== null) throw new Error(`cdp serve exited (${child.exitCode}):\n${out}`);
    if (Date.now() - started > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`cdp serve did not start in ${timeoutMs} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const url = /Console:\s+(\S+)/.exec(out)?.[1]?.replace('localhost', '127.0.0.1') ?? '';
  const writeKey = /Write key:\s+(\S+)/.exec(out)?.[1] ?? '';
  return { child, url, writeKey, output: () => out, exited };
}
