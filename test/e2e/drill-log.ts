// The drill's log as a browser test reads it: the file the page exports (导出推演记录), parsed with
// src/review's parseLog, and the entries saved in the page's IndexedDB; a decision answered by hand; and
// the two button rows every drill test presses (the console's controls, the top navigation).
import { readFileSync } from 'node:fs';
import type { Download, Locator, Page } from 'playwright-core';
import { parseLog, type LogHeader } from '../../src/review/index.ts';
import type { LogEntry } from '../../src/core/index.ts';
import { resultPath } from '../browser/launch.ts';

/** Clicks 导出推演记录 (the page must show it), saves the file as test-results/<name> and parses it. */
export async function exportedLog(page: Page, name: string): Promise<{ header: LogHeader; log: LogEntry[] }> {
  const [download] = (await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出推演记录' }).first().click()])) as [Download, unknown];
  const path = resultPath(name);
  await download.saveAs(path);
  const parsed = parseLog(readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new Error(`${name}:${parsed.problem.line}: ${parsed.problem.message}`);
  return parsed;
}

/** The entries saved in the page's IndexedDB (read in the page, as a string: vitest would rewrite a dynamic import() written here). */
export const savedLog = (page: Page) =>
  page.evaluate(`(async () => {
    const { indexedDbBackend } = await import('/src/app/persist/idb.ts');
    // Each saved entry also carries its hash in the chain (test/app/persist/chain.test.ts checks those).
    return ((await indexedDbBackend(indexedDB).read()) ?? { entries: [] }).entries.map(({ seq, t, actor, event }) => ({ seq, t, actor, event }));
  })()`) as Promise<LogEntry[]>;

/** Fills a decision card the way a person would: the first choice, or the first place for the first team. */
export async function answerByHand(card: Locator) {
  const radio = card.getByRole('radio');
  const box = card.getByRole('checkbox');
  const place = card.getByRole('combobox');
  if ((await radio.count()) > 0) await radio.first().check();
  else if ((await box.count()) > 0) await box.first().check();
  else if ((await place.count()) > 0) await place.first().selectOption({ index: 1 });
}

/** A button of the console's 推演控制 row. */
export const controlButton = (page: Page, name: string) => page.getByRole('region', { name: '推演控制' }).getByRole('button', { name, exact: true });

/** A button of the top navigation (导调台, 记分板, 复盘 …). */
export const navButton = (page: Page, name: string) => page.getByRole('navigation').getByRole('button', { name, exact: true });
