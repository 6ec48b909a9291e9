import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { spawnServer } from './support/child-server.ts';

/** Niceness of each thread of a process (field 19 of /proc/PID/task/TID/stat). */
function threadNiceness(pid: number): number[] {
  return readdirSync(`/proc/${pid}/task`).map((tid) => {
    const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    // fields after the command name, which is in parentheses and may hold spaces
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[16]);
  });
}

describe('worker process priority', { skip: process.platform !== 'linux' && 'reads /proc' }, () => {
  const dirs: string[] = [];
  after(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('a worker-role process runs every thread at CDP_WORKER_NICE; an API process keeps its priority', async () => {
    for (const [role, nice, expected] of [
      ['worker', '7', 7],
      ['api', '7', 0],
    ] as const) {
      const dir = mkdtempSync(join(tmpdir(), 'cdp-nice-'));
      dirs.push(dir);
      const server = await spawnServer({ CDP_ROLE: role, CDP_WORKER_NICE: nice, CDP_DATA_DIR: dir });
      try {
        const pid = server.child.pid ?? 0;
        const niceness = threadNiceness(pid);
        assert.ok(niceness.length > 1, 'several threads');
        assert.deepEqual(
          [...new Set(niceness)],
          [expected],
          `${role}: every thread at ${expected} (${niceness.join(',')})`,
        );
      } finally {
        server.child.kill('SIGTERM');
        await server.exited;
      }
    }
  });
});
