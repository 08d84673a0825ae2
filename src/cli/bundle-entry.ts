// The prebuilt CLI's entry (build-bundle.js): what the launcher, quake-drill.js, takes from the
// bundle — the same two things it imports from the sources when it runs them through tsx.
export { guardOutput } from './terminal.ts';
export { main } from './main.ts';
