// How fast the command starts: CPU seconds of `quake-drill --help` and of validating the default
// scenario, through the bin as a user runs it (the prebuilt bundle), and through tsx for comparison.
import { execFileSync } from 'node:child_process';
import { currentBundle } from '../../src/cli/bundle.js';
import { ROOT } from '../browser/launch.ts';
import { childCpuMs } from './measure.ts';
import { stats } from './stats.ts';

const RUNS = 7;

function cpu(args: string[], env: Record<string, string> = {}) {
  const samples = Array.from({ length: RUNS }, () => childCpuMs('env', [...Object.entries(env).map(([k, v]) => `${k}=${v}`), process.execPath, 'src/cli/quake-drill.js', ...args], ROOT));
  return stats(samples);
}

export function cliBench() {
  // As installed: `npm install` builds the bundle; a source edited since makes it stale, so rebuild.
  if (!currentBundle()) execFileSync(process.execPath, ['src/cli/build-bundle.js'], { cwd: ROOT, stdio: 'ignore' });
  return {
    bundleCurrent: currentBundle() !== undefined,
    helpCpu: cpu(['--help']),
    validateDefaultCpu: cpu(['validate', 'scenarios/haicheng-m5.8.yaml']),
    helpCpuThroughTsx: cpu(['--help'], { QUAKE_DRILL_TSX: '1' }),
  };
}
