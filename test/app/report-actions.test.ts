// @vitest-environment happy-dom
// The report buttons (issue 10 §3): each builds its file from the drill's log and review record with
// the report module (loaded on first use) and offers it — here to a stub in place of the download —
// and printing writes the same HTML page into a window of its own and prints it.
import './quiet-lit.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'lit-html';
import { fireEvent } from '@testing-library/dom';
import { createSession, type Session } from '../../src/app/drill/session.ts';
import type { ReportFile } from '../../src/app/review/report-files.ts';
import { reportActions, type ReportActionsProps } from '../../src/app/views/report-actions.ts';
import { foldReview, type ReviewEntry } from '../../src/review/record.ts';
import { loadScenario } from '../../src/scenario/index.ts';
import { MIN, manualClock, minimal } from './render.ts';

const FINDING = '重型救援队出动迟缓，应明确出动时限';
const ENTRIES: ReviewEntry[] = [{ n: 1, actor: '@evaluator', event: { type: 'finding', id: 'finding-1', grade: 'rectify', text: FINDING, owner: 'fire-rescue', due: '2027-01-31' } }];

/** A short drill on the minimal scenario, ended. */
function endedDrill(): Session {
  const result = loadScenario(minimal(), 'scenarios/minimal.yaml');
  if (!result.ok) throw new Error(result.problems[0]!.message);
  const clock = manualClock();
  const session = createSession({ scenario: result.scenario, file: 'scenarios/minimal.yaml', seed: 7, clock, drill: 'minimal-drill-1' });
  session.facilitator({ type: 'start' });
  clock.advance(5 * MIN);
  session.tick();
  session.facilitator({ type: 'end' });
  return session;
}

let container: HTMLElement;
afterEach(() => container?.remove());

/** The buttons for the drill; each file offered resolves the next `offered()`. */
function mount(more: Partial<ReportActionsProps> = {}) {
  const session = endedDrill();
  const record = foldReview(ENTRIES);
  container = document.body.appendChild(document.createElement('div'));
  const files: ReportFile[] = [];
  let waiting: ((f: ReportFile) => void) | null = null;
  const download = (f: ReportFile) => {
    files.push(f);
    waiting?.(f);
  };
  render(reportActions({ lang: 'zh', input: (lib) => lib.liveReportInput(session, record), download, ...more }), container);
  const press = (what: string) =>
    new Promise<ReportFile>((resolve) => {
      waiting = resolve;
      container.querySelector<HTMLButtonElement>(`[data-report="${what}"]`)!.click();
    });
  const status = () => container.querySelector('[data-report-status]')!.textContent;
  return { session, files, press, status };
}

describe('the report buttons', () => {
  it('download the evaluation report as one HTML page, with the improvement plan', async () => {
    const { press, status } = mount();
    const file = await press('html');
    expect(file.name).toBe('minimal-drill-1-evaluation.html');
    expect(file.text).toMatch(/^<!doctype html>/i);
    expect(file.text).toContain('演练评估报告');
    expect(file.text).toContain(FINDING);
    expect(status()).toBe('已生成：minimal-drill-1-evaluation.html');
  });

  it('give the kind chosen as Markdown, the report data as JSON and the decisions as CSV', async () => {
    const { press } = mount();
    fireEvent.change(container.querySelector('[data-report-kind]')!, { target: { value: 'summary' } });
    const md = await press('md');
    expect(md.name).toBe('minimal-drill-1-summary.md');
    expect(md.text).toContain('演练总结报告');
    expect(md.text).not.toContain('演练评估报告');

    const json = await press('json');
    expect(json.name).toBe('minimal-drill-1-report.json');
    expect(JSON.parse(json.text)).toMatchObject({ format: 'quake-drill/report@1', drill: { id: 'minimal-drill-1', seed: 7 } });

    const csv = await press('csv');
    expect(csv.name).toBe('minimal-drill-1-decisions.csv');
    expect(csv.text.startsWith('\uFEFFdecision,owner,owner_name,')).toBe(true);
  });

  it('print the same HTML page from a window of its own', async () => {
    let written = '';
    const printed = new Promise<void>((resolve) => {
      const win = { document: { open() {}, write: (s: string) => (written += s), close() {} }, focus() {}, print: () => resolve(), close() {} };
      mount({ openWindow: () => win as unknown as Window });
    });
    container.querySelector<HTMLButtonElement>('[data-report="print"]')!.click();
    await printed;
    expect(written).toMatch(/^<!doctype html>/i);
    expect(written).toContain('演练评估报告');
  });

  it('download the HTML instead when the browser blocks the print window, and say so', async () => {
    const { press, status } = mount({ openWindow: () => null });
    const file = await press('print');
    expect(file.name).toBe('minimal-drill-1-evaluation.html');
    expect(status()).toBe('浏览器阻止了打印窗口，已改为下载 HTML 报告，请打开后打印。');
  });
});
