import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface Target {
  readonly name: string;
  readonly url: string;
  readonly writeKey: string;
  readonly pid: number;
  stop(): Promise<void>;
}

/** Starts a server process (ours or the baseline) and reads its URL and write key from its banner. */
export async function spawnTarget(
  name: string,
  command: string[],
  env: Record<string, string>,
): Promise<Target> {
  const child = spawn(process.execPath, command, {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  while (!/Write key:\s+\S+/.test(out)) {
    if (child.exitCode !== null) throw new Error(`${name} exited: ${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    name,
    url: (/Console:\s+(\S+)/.exec(out)?.[1] ?? '').replace('localhost', '127.0.0.1'),
    writeKey: /Write key:\s+(\S+)/.exec(out)?.[1] ?? '',
    pid: child.pid ?? 0,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : 0;
}
