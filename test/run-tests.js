// `npm test`: the browser tests and the Node tests at the same time. On 2 cores, one project after the
// other took ≈ 15 min. The browser tests play drills at 60× room time and miss their deadlines when
// they share the CPU, so they keep it first; the Node tests run under `nice` on whatever is left.
// Extra arguments go to both vitest runs (e.g. a file filter).
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

// The package's own bin (its exports list does not include it), found beside its package.json.
const vitest = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
const args = process.argv.slice(2);

function run(command, argv) {
  return new Promise((resolve) => {
    const child = spawn(command, argv, { stdio: 'inherit' });
    child.on('error', (e) => {
      console.error(`${command}: ${e.message}`);
      resolve(1);
    });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

const codes = await Promise.all([
  run(process.execPath, [vitest, 'run', '--passWithNoTests', '--project', 'browser', ...args]),
  run('nice', ['-n', '19', process.execPath, vitest, 'run', '--passWithNoTests', '--project', 'unit', ...args]),
]);
process.exit(codes.some((c) => c !== 0) ? 1 : 0);
