// Builds the console (apps/console/dist) when it is missing or older than its sources, so that
// `npm start` serves an up-to-date console without a separate build step.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = 'apps/console';
const dist = join(root, 'dist', 'index.html');

function newest(dir) {
  let t = 0;
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const p = join(dir, name);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return t;
}

const stale =
  !existsSync(dist) || statSync(dist).mtimeMs < Math.max(newest(join(root, 'src')), newest('packages'));
if (stale) {
  console.log('Building the console…');
  const r = spawnSync('npm', ['run', 'build', '-w', 'apps/console'], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
