// How long validating takes: the default scenario (trainers run it on every save), and hostile
// files (each must be refused within a second, in bounded memory).
import { readFileSync } from 'node:fs';
import { loadScenario } from '../../src/scenario/index.ts';
import { hostileFiles } from '../scenario/hostile-files.ts';
import { stats } from './stats.ts';

const DEFAULT = new URL('../../scenarios/haicheng-m5.8.yaml', import.meta.url);

function time(runs: number, fn: () => void) {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return { ...stats(samples), firstMs: Math.round(samples[0]! * 100) / 100 };
}

export function scenarioBench() {
  const text = readFileSync(DEFAULT, 'utf8');
  const loadDefault = time(30, () => {
    if (!loadScenario(text, 'haicheng-m5.8.yaml').ok) throw new Error('the default scenario does not validate');
  });

  const hostile: Record<string, { ms: number; heapGrowthMB: number; rule: string }> = {};
  for (const [name, file] of Object.entries(hostileFiles)) {
    const heapBefore = process.memoryUsage().heapUsed;
    const start = performance.now();
    const result = loadScenario(file, `${name}.yaml`);
    const ms = Math.round((performance.now() - start) * 10) / 10;
    const heapGrowthMB = Math.round(((process.memoryUsage().heapUsed - heapBefore) / 1e6) * 10) / 10;
    hostile[name] = { ms, heapGrowthMB, rule: result.ok ? 'loaded' : result.problems[0]!.rule };
  }
  return {
    defaultScenario: { bytes: Buffer.byteLength(text), lines: text.split('\n').length, loadAndLint: loadDefault},
    hostile,
  };
}
