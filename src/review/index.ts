// src/review — owns replay, seek and the after-action report (Markdown, JSON, CSV, terminal summary). Imports core and scoring.
export { replay, Timeline, CHECKPOINT_EVERY_MS } from './replay.ts';
export { LOG_FORMAT, headerFor, parseLog, writeLog, type LogHeader, type LogProblem } from './log-file.ts';
export { drillJson, type DrillJson } from './drill-json.ts';
export { aarMarkdown } from './aar.ts';
export { decisionsCsv, CSV_COLUMNS } from './csv.ts';
export { summaryText, outcomeRows } from './summary.ts';
