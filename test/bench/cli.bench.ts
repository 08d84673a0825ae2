// How fast the command starts: CPU seconds of `quake-drill --help` and of validating the default
// scenario, through the bin as a user runs it (the prebuilt bundle when current, tsx otherwise).
import { ROOT } from '../browser/launch.ts';
import { childCpuMs } from './measure.ts';
import { stats } from './stats.ts';

const RUNS = 7;

function cpu(args: string[], env: Record<string, string> = {}) {
  const samples = Array.from({ length: RUNS }, () => childCpuMs('env', [...Object.entries(env).map(([k, v]) => `${k}=${v}`), process.execPath, 'src/cli/quake-drill.js', ...args], ROOT));
  return stats(samples);
}

export function cliBench() {
  return {
    helpCpu: cpu(['--help']),
    validateDefaultCpu: cpu(['validate', 'scenarios/haicheng-m5.8.yaml']),
    helpCpuThroughTsx: cpu(['--help'], { QUAKE_DRILL_TSX: '1' }),
  };
}
