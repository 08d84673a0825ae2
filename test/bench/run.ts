// `npm run bench`: prints figures as JSON. Benchmarks measure; they never assert a time.
import { engineBench } from './engine.bench.ts';
import { scenarioBench } from './scenario.bench.ts';

const figures = { node: process.version, scenario: scenarioBench(), engine: engineBench() };
console.log(JSON.stringify(figures, null, 2));
