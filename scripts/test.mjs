// Runs the whole test suite: server unit + integration tests (node:test via tsx), console unit tests
// (vitest), and the browser tests. Usage: npm test [-- --only=server|console|browser] [files…]
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith('--only='))?.slice(7);
const files = args.filter((a) => !a.startsWith('--'));

function find(dir, suffix, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) find(p, suffix, out);
    else if (p.endsWith(suffix)) out.push(p);
  }
  return out;
}

function run(cmd, cmdArgs) {
  const r = spawnSync(cmd, cmdArgs, { stdio: 'inherit' });
  return r.status ?? 1;
}

let status = 0;
if (!only || only === 'console') {
  status ||= run('npx', ['vitest', 'run', '--root', 'apps/console', '--passWithNoTests']);
}
if (!only || only === 'server' || only === 'browser') {
  const selected = files.length
    ? files
    : [
        ...find('packages', '.test.ts'),
        ...find('apps/server/src', '.test.ts'),
        ...find('apps/server/test', '.test.ts').filter((f) =>
          only === 'server' ? !f.includes('/browser/') : only === 'browser' ? f.includes('/browser/') : true,
        ),
      ];
  status =
    run(process.execPath, [
      '--import',
      'tsx',
      '--test',
      '--test-reporter=spec',
      '--test-timeout=300000',
      ...selected,
    ]) || status;
}
process.exit(status);
