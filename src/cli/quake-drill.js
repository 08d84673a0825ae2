#!/usr/bin/env node
// The `quake-drill` command: runs the TypeScript CLI through tsx, so a fresh clone needs no build step.
import { register } from 'tsx/esm/api';

register();
// `quake-drill report … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
// Everything printed passes the terminal guard: text from files may carry escape sequences.
const { guardOutput } = await import('./terminal.ts');
guardOutput(process.stdout);
guardOutput(process.stderr);
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
