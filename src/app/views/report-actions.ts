// The report buttons (issue 10 §3): the 演练评估报告, the 演练总结报告 or the HSEEP AAR/IP as one
// self-contained HTML page or as Markdown, the report's data as JSON, every decision as CSV — and
// printing, which opens that very HTML page in a window of its own and prints it, as
// `quake-drill report --format pdf` prints it with Chromium. The report code comes when first pressed.
import { html, nothing } from 'lit-html';
import type { ReportInput, ReportKind } from '../../review/report/index.ts';
import { downloaded, isDownloadError, downloadMessage } from '../download.ts';
import { t, type Lang } from '../i18n.ts';
import { downloadText } from '../persist/export-log.ts';
import type { ReportFile, ReportFormat } from '../review/report-files.ts';

type ReportFiles = typeof import('../review/report-files.ts');
const reportFiles = downloaded((): Promise<ReportFiles> => import('../review/report-files.ts'));

const KINDS: readonly ReportKind[] = ['evaluation', 'summary', 'aar'];
const FORMATS: readonly ReportFormat[] = ['html', 'md', 'json', 'csv'];

export interface ReportActionsProps {
  lang: Lang;
  /** The report's input when a button is pressed; given the report module (liveReportInput builds a live drill's). */
  input: (files: ReportFiles) => ReportInput;
  /** Offers the file (default: a download of it); tests stub it. */
  download?: (file: ReportFile) => void;
  /** Opens the window the report is printed from (default: window.open); null when the browser blocks it. */
  openWindow?: () => Window | null;
  /**
   * Downloads the review record (`<the log's name>.review.jsonl`, which `quake-drill report` reads
   * beside the log): null while there is nothing in it; without it there is no such button.
   */
  exportReview?: (() => void) | null;
}

export function reportActions(p: ReportActionsProps) {
  const { lang } = p;
  const download = p.download ?? ((f: ReportFile) => downloadText(f.name, f.text));

  /** Builds the file; what went wrong is said in the panel's status line. */
  const build = async (at: Element, format: ReportFormat): Promise<ReportFile | null> => {
    const root = at.closest('[data-report-actions]')!;
    const kind = (root.querySelector<HTMLSelectElement>('[data-report-kind]')?.value ?? 'evaluation') as ReportKind;
    const say = (text: string) => {
      const status = root.querySelector('[data-report-status]');
      if (status) status.textContent = text;
    };
    say(t(lang, 'eval.report.working'));
    try {
      const files = await reportFiles();
      const file = files.reportFile(p.input(files), format, kind);
      say(t(lang, 'eval.report.done', { name: file.name }));
      return file;
    } catch (e) {
      say(isDownloadError(e) ? downloadMessage(lang) : t(lang, 'eval.report.failed', { reason: (e as Error)?.message ?? String(e) }));
      return null;
    }
  };

  const save = async (e: Event, format: ReportFormat) => {
    const file = await build(e.currentTarget as Element, format);
    if (file) download(file);
  };

  // The window is opened at the click itself: a browser lets a page open one only then, not after an await.
  const print = async (e: Event) => {
    const button = e.currentTarget as Element;
    const win = (p.openWindow ?? (() => window.open('', '_blank')))();
    const file = await build(button, 'html');
    if (!file) {
      win?.close();
      return;
    }
    if (!win) {
      download(file);
      const status = button.closest('[data-report-actions]')?.querySelector('[data-report-status]');
      if (status) status.textContent = t(lang, 'eval.report.popupBlocked');
      return;
    }
    win.document.open();
    win.document.write(file.text);
    win.document.close();
    win.focus();
    win.print();
  };

  return html`<section class="panel report-actions" aria-labelledby="report-actions-heading" data-report-actions>
    <h2 id="report-actions-heading">${t(lang, 'eval.report.heading')}</h2>
    <p class="compose-form">
      <label class="field">
        <span>${t(lang, 'eval.report.kind')}</span>
        <select data-report-kind>
          ${KINDS.map((k) => html`<option value=${k}>${t(lang, `eval.report.kind.${k}`)}</option>`)}
        </select>
      </label>
      ${FORMATS.map((f) => html`<button type="button" data-report=${f} @click=${(e: Event) => save(e, f)}>${t(lang, `eval.report.${f}`)}</button>`)}
      <button type="button" class="primary" data-report="print" @click=${print}>${t(lang, 'eval.report.print')}</button>
      ${p.exportReview === undefined
        ? nothing
        : html`<button type="button" data-export-review ?disabled=${p.exportReview === null} @click=${() => p.exportReview?.()}>${t(lang, 'eval.report.exportReview')}</button>`}
    </p>
    <p class="muted small" role="status" data-report-status></p>
  </section>`;
}
