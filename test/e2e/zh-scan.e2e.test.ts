// The zh-mode scan (issue 9 §4, "Done when"): every screen of the app in Chinese, in Debian's
// Chromium, read for Latin-letter words — text, and the names and titles assistive technology reads
// (aria-label, title, placeholder, alt). Only ids the user typed, units and proper names in the
// allow-list below may remain; anything else is printed with the screen and the element it is in.
// The big screen is also measured at 1366×768 and 1920×1080: no scrollbars (same browser, same
// drill: a second page load would double the test's cost on a shared two-core machine).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadScenario } from '../../src/scenario/index.ts';
import { openApp, type AppInBrowser } from '../browser/app.ts';
import { hasChromium, ROOT } from '../browser/launch.ts';
import { navButton, pageTexts } from './drill-log.ts';

const FILE = 'scenarios/haicheng-m5.8.yaml';

/**
 * Latin words allowed in the Chinese interface, each with why. Matched whole-word, case-sensitive.
 * Roman numerals (intensity degrees Ⅵ…, written in Latin letters in the estimate) are allowed by
 * pattern below; single letters (I for intensity, N and the "?" key, M for magnitude) are not words.
 */
const ALLOWED: Record<string, string> = {
  Ms: 'unit: surface-wave magnitude (Ms 5.8), as Chinese bulletins write it',
  km: 'unit: kilometres',
  min: 'unit: minutes, in the time-node strip',
  UTC: 'time standard in the origin time (UTC+08:00)',
  English: 'the language toggle names the other language in that language',
  Esc: 'the key as printed on the keycap',
  PAGER: 'proper name: USGS PAGER, the empirical loss model cited in the estimate',
  USGS: 'proper name: the US Geological Survey (PAGER)',
  GB: 'standard code: GB/T 17742, GB 18306 (national standards are cited by code)',
  SCIENCE: "the project's science document (SCIENCE.md) the estimate cites for its calibration",
  md: "file extension of SCIENCE.md",
  YAML: 'file format name of the scenario files',
  yaml: 'file extension of the scenario file names shown (ids the user chose)',
  jsonl: 'file extension of a drill log',
  HTML: 'file format name of a report download (下载 HTML), as Chinese software names it',
  Markdown: 'file format name of a report download',
  JSON: 'file format name of a report download',
  CSV: 'file format name of the decisions table download',
  PDF: 'file format name: 打印 / 存为 PDF, as the browser print dialog names it',
  WebGL: 'proper name of the browser graphics interface the map needs',
  GCJ: 'proper name of the coordinate system of Chinese maps (GCJ-02), in the basemap note',
  WGS: 'proper name of the world coordinate system (WGS-84), in the basemap note',
  MIT: "licence name of the basemap data (MIT 许可), in the map's attribution",
  ICU: 'the intensive care unit as Chinese hospitals write it (an inject’s own text)',
};

/**
 * What the user typed or types, taken out before the scan: file names and paths (scenarios/…yaml),
 * ids and keys quoted in a problem ('versoin'), the commands to type at a prompt
 * (npx quake-drill validate …, quake-drill run --out), drill ids and hashes.
 */
const userTyped = (text: string) =>
  text
    .replace(/(npx )?quake-drill( [a-z]+)?( [\w./-]+)?( --?[a-z]+( [a-z]{2})?)*/g, ' ')
    .replace(/'[^'\n]*'/g, ' ')
    .replace(/[\w.-]*\/[\w./-]+|[\w.-]+\.(ya?ml|jsonl)\b/g, ' ')
    // A drill's id (scenario id + 12 hex) and the record's hashes are identifiers, shown to be compared.
    .replace(/[\w.-]+-[0-9a-f]{12}\b|\b[0-9a-f]{12,64}\b/g, ' ');
const ROMAN = /^[IVX]+$/;

/** The scenario's own ids and file names the page may show as the user wrote them. */
const scenario = (() => {
  const r = loadScenario(readFileSync(`${ROOT}/${FILE}`, 'utf8'), FILE);
  if (!r.ok) throw new Error(`${FILE} does not load`);
  return r.scenario;
})();

interface Offence {
  screen: string;
  word: string;
  text: string;
  where: string;
}

describe.skipIf(!hasChromium())('the interface in Chinese, screen by screen', () => {
  let app: AppInBrowser;
  let page: Page;
  const offences: Offence[] = [];
  const visited: string[] = [];

  async function scan(screen: string) {
    visited.push(screen);
    const ids = new Set([scenario.meta.id]);
    for (const { text, where } of await page.evaluate(pageTexts)) {
      for (const word of userTyped(text).match(/[A-Za-z][A-Za-z'’-]*[A-Za-z]/g) ?? []) {
        if (ALLOWED[word] !== undefined || ROMAN.test(word) || ids.has(word)) continue;
        offences.push({ screen, word, text: text.slice(0, 160), where });
      }
    }
  }

  beforeAll(async () => {
    app = await openApp({ viewport: { width: 1366, height: 768 } });
    page = app.page;
  }, 50_000);

  afterAll(() => app?.close());

  const nav = (name: string) => navButton(page, name);
  const seat = (id: string) => page.getByRole('combobox', { name: '席位', exact: true }).selectOption(id);

  it('finds no Latin words on any screen but ids, units and the allowed names', async () => {
    await scan('首屏（情景概要）');

    await page.getByRole('button', { name: '选择情景', exact: true }).first().click();
    await page.getByRole('heading', { name: '选择情景' }).first().waitFor();
    await scan('情景选择');
    // A broken scenario file: an unknown field, a misspelt reference, a number without its unit.
    const broken = readFileSync(`${ROOT}/scenarios/minimal.yaml`, 'utf8').replace('lead: fire-rescue', 'lead: fire-resuce').replace(/^(\s*)version:/m, '$1versoin:');
    await page.locator('input[type="file"][accept*="yaml"]').first().setInputFiles({ name: 'broken.yaml', mimeType: 'text/yaml', buffer: Buffer.from(broken) });
    const problems = page.getByRole('heading', { name: '情景文件无法加载' });
    if (await problems.waitFor({ timeout: 5_000 }).then(() => true, () => false)) await scan('情景文件问题');
    else {
      const use = page.getByRole('button', { name: '选用此情景' });
      if (await use.count()) await use.first().click();
      if (await problems.waitFor({ timeout: 5_000 }).then(() => true, () => false)) await scan('情景文件问题');
    }
    // Back to the shipped scenario.
    await page.goto(app.url);
    await page.locator('h1').first().waitFor({ timeout: 40_000 });

    await page.getByRole('button', { name: '开始推演' }).first().click();
    await page.getByRole('region', { name: '推演控制' }).waitFor();
    await scan('导调台');
    await page.keyboard.press('?');
    await page.getByRole('dialog').waitFor();
    await scan('快捷键说明');
    await page.keyboard.press('Escape');

    // Answer the first decisions by hand (a single and a multiple choice), let the rest run out.
    const hq = scenario.organisation.hq.id;
    for (const id of [hq, 'quake-bureau']) {
      await seat(id);
      const card = page.locator('article.decision-card.is-open').first();
      if (await card.count()) {
        await card.locator('input').first().check();
        await card.locator('button[type="submit"]').click();
      }
    }
    await nav('导调台').click();
    await page.getByRole('group', { name: '快进' }).getByRole('button', { name: '60×' }).click();
    await page.waitForTimeout(4_000); // ~4 drill minutes at 60×: decisions expire and are scored
    await page.keyboard.press(' ');
    await scan('导调台（进行中）');

    const kinds = [
      ['指挥部席位', hq],
      ['工作组席位', scenario.organisation.groups[0]!.id],
      ['成员单位席位', scenario.organisation.units.find((u) => u.id === 'quake-bureau')?.id ?? scenario.organisation.units[0]!.id],
      ['县区指挥部席位', scenario.organisation.counties[0]?.id],
      ['评估人员', '@evaluator'],
      ['观摩', '@observer'],
    ] as const;
    for (const [name, id] of kinds) {
      if (!id) continue;
      await seat(id);
      await page.locator('.seat-screen, .evaluator, .observer').first().waitFor();
      await scan(name);
    }
    await nav('记分板').click();
    await scan('记分板');
    await nav('指挥大屏').click();
    await page.locator('.bigscreen').waitFor();
    await scan('指挥大屏');
    await page.getByRole('button', { name: '退出大屏' }).click();

    await page.getByRole('region', { name: '推演控制' }).getByRole('button', { name: '结束推演', exact: true }).click();
    await page.getByRole('button', { name: '确认结束' }).click();
    await page.getByRole('heading', { name: '推演复盘' }).waitFor();
    for (const d of await page.locator('details').all()) await d.evaluate((el) => ((el as HTMLDetailsElement).open = true));
    await scan('复盘');

    // The review screen: the replay's controls, markers, notes panel, and each replayed view.
    await page.getByRole('button', { name: '复盘回放' }).click();
    await page.locator('[data-review]').waitFor();
    await scan('复盘回放');
    for (const [name, view] of [['复盘回放·席位', 'seat'], ['复盘回放·记分板', 'scoreboard'], ['复盘回放·态势图', 'map']] as const) {
      await page.locator(`[data-review-view="${view}"]`).click();
      await scan(name);
    }

    const report = offences.map((o) => `[${o.screen}] "${o.word}" in ${o.where}: ${o.text}`);
    if (report.length) console.log(`zh scan: ${report.length} Latin word(s) found\n${report.join('\n')}`);
    console.log(`zh scan: screens visited: ${visited.join('、')}`);
    expect(report).toEqual([]);
  }, 240_000);

  it('the big screen fits 1366×768 and 1920×1080 without scrollbars', async () => {
    await nav('指挥大屏').click().catch(() => undefined);
    if (!(await page.locator('.bigscreen').count())) {
      await page.goto(app.url);
      await page.getByRole('button', { name: /开始推演|返回导调台/ }).first().click();
      await nav('指挥大屏').click();
    }
    for (const viewport of [{ width: 1366, height: 768 }, { width: 1920, height: 1080 }]) {
      await page.setViewportSize(viewport);
      await page.locator('.bigscreen').waitFor();
      const m = await page.evaluate(() => {
        const doc = document.documentElement;
        const ticker = document.querySelector('.big-ticker')!.getBoundingClientRect();
        return { sh: doc.scrollHeight, sw: doc.scrollWidth, h: innerHeight, w: innerWidth, tickerBottom: ticker.bottom };
      });
      expect(m.sh, `page height at ${viewport.width}×${viewport.height}`).toBeLessThanOrEqual(m.h);
      expect(m.sw, `page width at ${viewport.width}×${viewport.height}`).toBeLessThanOrEqual(m.w);
      expect(m.tickerBottom).toBeLessThanOrEqual(m.h);
    }
  }, 60_000);
});
