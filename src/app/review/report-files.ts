// The reports as files, built in the browser from the same pure functions as `quake-drill report`
// (src/review/report): loaded only when a report button is pressed (views/report-actions.ts), so the
// report's code and charts stay out of the first screen's bundle.
import { parseLog } from '../../review/log-file.ts';
import type { ReviewRecord } from '../../review/record.ts';
import { buildReport, decisionsCsv, reportHtml, reportJson, reportMarkdown, type ReportInput, type ReportKind } from '../../review/report/index.ts';
import type { Session } from '../drill/session.ts';
import { exportDrill } from '../persist/export-log.ts';

export type ReportFormat = 'html' | 'md' | 'json' | 'csv';

export interface ReportFile {
  name: string;
  text: string;
}

/** The report's input for the drill being played here: its log exactly as an export writes it, chained (a continued untrusted drill's header says so: its trust reads back). */
export function liveReportInput(session: Session, record: ReviewRecord): ReportInput {
  const file = exportDrill(session);
  const parsed = parseLog(file.text);
  if (!parsed.ok) throw new Error(`the drill's own log does not read back: line ${parsed.problem.line}: ${parsed.problem.message}`);
  return { scenario: session.scenario, header: parsed.header, log: parsed.log, trust: parsed.trust, record, logFile: file.name };
}

/** One report file: the chosen kind as HTML or Markdown, the model as JSON, or every decision as CSV. */
export function reportFile(input: ReportInput, format: ReportFormat, kind: ReportKind): ReportFile {
  const model = buildReport(input);
  const base = input.header.drill;
  switch (format) {
    case 'html':
      return { name: `${base}-${kind}.html`, text: reportHtml(model, kind) };
    case 'md':
      return { name: `${base}-${kind}.md`, text: reportMarkdown(model, kind) };
    case 'json':
      return { name: `${base}-report.json`, text: reportJson(model) };
    case 'csv':
      return { name: `${base}-decisions.csv`, text: decisionsCsv(model.scores) };
  }
}
