// Hostile inputs shared by the tests (that they are refused) and the bench (how fast).
import { MAX_CHARS, MAX_ITEMS } from '../../src/scenario/preflight.ts';

const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
for (const [name, prev] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e'], ['g', 'f'], ['h', 'g']]) {
  bomb.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
}

export const hostileFiles = {
  aliasBomb: `format: quake-drill/scenario@1\n${bomb.join('\n')}\n`,
  deepFlow: `format: x\na: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`,
  deepBlock: Array.from({ length: 600 }, (_, i) => `${' '.repeat(i)}a:`).join('\n'),
  deepDashes: `${'- '.repeat(20_000)}x\n`,
  huge: `format: quake-drill/scenario@1\nmeta:\n  description: "${'地'.repeat(3_000_000)}"\n`,
  wideFlow: `format: quake-drill/scenario@1\nnodes: [${'1,'.repeat(Math.floor((MAX_CHARS - 50) / 2))}]\n`,
  wideFlowUnderLimit: `format: quake-drill/scenario@1\nnodes: [${'1,'.repeat(MAX_ITEMS - 10)}]\n`,
};
