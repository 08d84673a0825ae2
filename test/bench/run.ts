// `npm run bench`: prints figures as JSON. Benchmarks measure; they never assert a time.
import { browserBench } from './browser.bench.ts';
import { engineBench } from './engine.bench.ts';
import { mapBench } from './map.bench.ts';
import { scenarioBench } from './scenario.bench.ts';

const figures = { node: process.version, scenario: scenarioBench(), engine: engineBench(), browser: await browserBench(), map: await mapBench() };
console.log(JSON.stringify(figures, null, 2));
