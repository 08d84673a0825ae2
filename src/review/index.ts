// src/review — owns replay, seek and the after-action report (Markdown, JSON, CSV, terminal summary). Imports core and scoring.
export { replay, Timeline, CHECKPOINT_EVERY_MS } from './replay.ts';
export { LOG_FORMAT, LOG_FORMAT_V1, cliDrillId, headerFor, headerHash, parseLog, writeLog, type LogHeader, type LogHeaderInput, type LogOrigin, type LogProblem, type ParentRef, type ParsedLog, type Trust } from './log-file.ts';
export { sha256Hex, scenarioDigest, entryHash, chainHashes, finalHash, Chain } from './chain.ts';
export { drillJson, type DrillJson } from './drill-json.ts';
export { buildReport, reportHtml, reportMarkdown, reportJson, REPORT_FORMAT, REPORT_KINDS, type ReportInput, type ReportKind, type ReportModel } from './report/index.ts';
export { evaluationForms, INDICATORS, type CapabilityForm, type IndicatorRow } from './forms.ts';
export { decisionsCsv, CSV_COLUMNS } from './csv.ts';
export { summaryText, outcomeRows } from './summary.ts';
export {
  REVIEW_FORMAT, REVIEW_EVENT_TYPES, EMPTY_RECORD, emptyRecord, GRADES, RATINGS,
  parseReviewEvent, refuseReview, foldReview, appendReview, notesFor, writeReview, parseReview,
  type Grade, type Note, type SelfAssessment, type Finding, type FormRating, type ReviewEvent, type ReviewEventType, type ReviewEntry, type ReviewRecord,
} from './record.ts';
export { drillMarkers, type Marker } from './markers.ts';
export { playStep, entryStep } from './playback.ts';
export { outcomeSeries, deadAmongTrapped, SERIES_STEP_MS, type SeriesPoint } from './series.ts';
