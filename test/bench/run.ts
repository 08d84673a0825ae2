// `npm run bench`: prints figures as JSON. Benchmarks measure; they never assert a time.
import { browserBench } from './browser.bench.ts';
import { engineBench } from './engine.bench.ts';
import { scenarioBench } from './scenario.bench.ts';

const figures = { node: process.version, scenario: scenarioBench(), engine: engineBench(), browser: await browserBench() };
console.log(JSON.stringify(figures, null, 2));
