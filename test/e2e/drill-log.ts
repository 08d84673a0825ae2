// The drill's log as a browser test reads it: the file the page exports (导出推演记录), parsed with
// src/review's parseLog, and the entries saved in the page's IndexedDB; a decision answered by hand;
// the seats given to a bot; the map canvas's colours; every text a screen shows (the scans); and
// the two button rows every drill test presses (the console's controls, the top navigation).
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { Download, Locator, Page } from 'playwright-core';
import { parseLog, type LogHeader } from '../../src/review/index.ts';
import type { LogEntry } from '../../src/core/index.ts';
import { resultPath } from '../browser/launch.ts';
import { decodePng, type Image } from '../browser/png.ts';
import { DB_NAME, LOG } from '../../src/app/persist/idb.ts';

/** Clicks 导出推演记录 (the page must show it), saves the file as test-results/<name> and parses it. */
export async function exportedLog(page: Page, name: string): Promise<{ header: LogHeader; log: LogEntry[] }> {
  const [download] = (await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出推演记录' }).first().click()])) as [Download, unknown];
  const path = resultPath(name);
  await download.saveAs(path);
  const parsed = parseLog(readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new Error(`${name}:${parsed.problem.line}: ${parsed.problem.message}`);
  return parsed;
}

/**
 * The entries saved in the page's IndexedDB, read with the raw API (the built app has no module to import):
 * the `log` store of src/app/persist/idb.ts, keyed by seq, each entry also carrying its hash in the chain
 * (test/app/persist/chain.test.ts checks those).
 */
export const savedLog = (page: Page) =>
  page.evaluate(
    ({ name, store }) =>
      new Promise<LogEntry[]>((resolve, reject) => {
        const opened = indexedDB.open(name);
        opened.onerror = () => reject(opened.error ?? new Error(`IndexedDB ${name} cannot be opened`));
        opened.onsuccess = () => {
          const db = opened.result;
          if (!db.objectStoreNames.contains(store)) {
            db.close();
            resolve([]);
            return;
          }
          const all = db.transaction(store, 'readonly').objectStore(store).getAll();
          all.onerror = () => reject(all.error ?? new Error(`IndexedDB ${store} cannot be read`));
          all.onsuccess = () => {
            db.close();
            resolve((all.result as LogEntry[]).map(({ seq, t, actor, event }) => ({ seq, t, actor, event })));
          };
        };
      }),
    { name: DB_NAME, store: LOG },
  );

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

/**
 * Gives every seat of the console's seat table but `keep` (display names) to `bot`: the first by a real
 * pick, the rest as the same change events in one go — each pick re-renders the map, and software WebGL
 * makes one pick at a time cost a test a second apiece. Returns how many seats the bot plays.
 */
export async function giveSeatsToBot(page: Page, bot: string, keep: Iterable<string> = []): Promise<number> {
  const selects = page.locator('select[aria-label$="的操作方"]');
  const kept = new Set([...keep].map((seat) => `${seat}的操作方`));
  const labels = (await selects.evaluateAll((all) => all.map((el) => el.getAttribute('aria-label')!))).filter((l) => !kept.has(l));
  expect(labels.length, 'seats in the console\'s seat table (select[aria-label$="的操作方"])').toBeGreaterThan(0);
  await page.getByRole('combobox', { name: labels[0], exact: true }).selectOption({ label: bot });
  const picked = await selects.evaluateAll(
    (all, { labels, bot }) => {
      let n = 0;
      for (const el of all as HTMLSelectElement[]) {
        if (!labels.includes(el.getAttribute('aria-label')!) || el.selectedOptions[0]?.textContent?.trim() === bot) continue;
        el.value = [...el.options].find((o) => o.textContent?.trim() === bot)!.value;
        el.dispatchEvent(new Event('change', { bubbles: true }));
        n++;
      }
      return n;
    },
    { labels, bot },
  );
  expect(picked).toBe(labels.length - 1);
  await expect.poll(() => selects.evaluateAll((all, bot) => all.filter((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent?.trim() === bot).length, bot)).toBe(labels.length);
  return labels.length;
}

/** The map's canvas in [data-map-slot] as a screenshot, and how many colours a 7 px grid of it finds (a blank map has a handful). */
export async function mapCanvas(page: Page): Promise<{ canvas: Locator; image: Image; colours: number }> {
  const canvas = page.locator('[data-map-slot] canvas').first();
  expect(await canvas.count(), 'a map canvas in [data-map-slot]').toBe(1);
  const image = decodePng(await canvas.screenshot());
  const colours = new Set<number>();
  for (let y = 0; y < image.height; y += 7) for (let x = 0; x < image.width; x += 7) colours.add(image.at(x, y).slice(0, 3).reduce((a, c) => (a << 8) | c, 0));
  return { canvas, image, colours: colours.size };
}

/** Runs in the page (page.evaluate(pageTexts)): every text node and accessible-name attribute, with the element it is in, and the tab's title. */
export function pageTexts(): { text: string; where: string }[] {
  const out: { text: string; where: string }[] = [];
  const path = (el: Element) => {
    const parts: string[] = [];
    for (let e: Element | null = el; e && e !== document.body && parts.length < 4; e = e.parentElement) {
      parts.unshift(e.tagName.toLowerCase() + (e.id ? `#${e.id}` : '') + (e.classList.length ? `.${[...e.classList].slice(0, 2).join('.')}` : ''));
    }
    return parts.join(' > ');
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const el = node.parentElement;
    if (!el || el.closest('script, style, noscript')) continue;
    const text = (node.textContent ?? '').trim();
    if (text) out.push({ text, where: path(el) });
  }
  for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
    for (const a of ['aria-label', 'title', 'placeholder', 'alt']) {
      const v = el.getAttribute(a);
      if (v) out.push({ text: v, where: `${path(el)} [${a}]` });
    }
  }
  out.push({ text: document.title, where: 'document.title' });
  return out;
}
