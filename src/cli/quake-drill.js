#!/usr/bin/env node
// The `quake-drill` command. It starts the prebuilt bundle that `npm install` made (build-bundle.js)
// while that is current, and otherwise runs the TypeScript sources through tsx, so a fresh clone or a
// just-edited source needs no build step. Both give the same output; the bundle starts in about a
// quarter of the CPU time (issue 8). QUAKE_DRILL_TSX=1 always runs the sources.
import { currentBundle } from './bundle.js';

// `quake-drill report … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
const bundle = process.env.QUAKE_DRILL_TSX ? undefined : currentBundle();
let main;
if (bundle) {
  const cli = await import(bundle);
  cli.guardOutput(process.stdout);
  cli.guardOutput(process.stderr);
  main = cli.main;
} else {
  const { register } = await import('tsx/esm/api');
  register();
  // Everything printed passes the terminal guard: text from files may carry escape sequences.
  const { guardOutput } = await import('./terminal.ts');
  guardOutput(process.stdout);
  guardOutput(process.stderr);
  ({ main } = await import('./main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
