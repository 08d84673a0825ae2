// src/review — owns replay, seek and (later) the after-action report. Imports core and scoring.
export { replay, Timeline, CHECKPOINT_EVERY_MS } from './replay.ts';
