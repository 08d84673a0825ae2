// src/review/report — the evaluation (演练评估报告), summary (演练总结报告) and HSEEP AAR/IP reports: one model, rendered as HTML, Markdown or JSON.
export { buildReport, REPORT_FORMAT, REPORT_KINDS, type ReportInput, type ReportKind, type ReportModel, type ReportFinding } from './model.ts';
export { reportHtml } from './html.ts';
export { reportMarkdown } from './markdown.ts';
export { reportJson } from './json.ts';
export { KIND_LANG, KIND_TITLE, trustText } from './content.ts';
export { decisionsCsv } from '../csv.ts';
