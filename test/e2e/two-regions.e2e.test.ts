// Both shipped scenarios, end to end (issue 12, "Done when"): Haicheng (Anshan, Liaoning — what the page
// opens on) and Ludian (Zhaotong, Yunnan — chosen in the picker, kept over a reload before the start,
// made the start page) each open, play to the debrief with every seat given to the plan bot, and report,
// with their own title, basemap (the legend's source line, the attribution, a drawn canvas) and outcome
// figures (the scenario's `outcomes`, Haicheng's the v1 set migrate wrote in) — and none of the other
// region's names on any screen: briefing, console and map legend, seat screens, scoreboard, debrief and
// the HTML report. Only the picker, which lists both, is not scanned. One Chromium, one page: Ludian is
// chosen where Haicheng's drill ended, the way a trainer switches, so whatever the first scenario leaves
// behind (map, title, figures) shows up in the second one's scan. Screenshots go to test-results/.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { loadScenario, outcomeFigures, type PlainOutcome, type Scenario, type Text } from '../../src/scenario/index.ts';
import { messages, pick, t, type MessageKey } from '../../src/app/i18n.ts';
import { CHOSEN_KEY, START_PAGE_KEY } from '../../src/app/persist/start-page.ts';
import { openApp, type AppInBrowser } from '../browser/app.ts';
import { hasChromium, resultPath, ROOT } from '../browser/launch.ts';
import { controlButton, exportedLog, giveSeatsToBot, mapCanvas, navButton, pageTexts } from './drill-log.ts';

const BOT = '机器人·按预案';

interface Side {
  key: 'haicheng' | 'ludian';
  file: string;
  scenario: Scenario;
  /** The scenario's own title (meta.title), in the interface's language. */
  title: string;
  /** The region's core names, beside those read from the file (regionWords). */
  core: readonly string[];
  /** The file's text: a word both files hold names no one region. */
  text: string;
}

function side(key: Side['key'], file: string, core: readonly string[]): Side {
  const text = readFileSync(`${ROOT}/${file}`, 'utf8');
  const r = loadScenario(text, file);
  if (!r.ok) throw new Error(`${file} does not load`);
  return { key, file, scenario: r.scenario, title: pick('zh', r.scenario.meta.title), core, text };
}

const HAICHENG = side('haicheng', 'scenarios/haicheng-m5.8.yaml', ['鞍山', '海城', '辽宁', 'Anshan', 'Haicheng', 'Liaoning']);
const LUDIAN = side('ludian', 'scenarios/ludian-m6.0.yaml', ['鲁甸', '昭通', '云南', 'Ludian', 'Zhaotong', 'Yunnan']);

/** Every string of the interface, both languages. */
const INTERFACE = [...Object.values(messages.zh), ...Object.values(messages.en)].join('\n');

/**
 * The words that name a scenario's region, none of which may show while the other one is played: its
 * core names, and from its file the region's and the quake's names, its settlements, facilities, HQ,
 * county HQs and member units, and its basemap's areas (zh and en; a bracketed remark dropped, a road's
 * "A—B" split into its places). A word the other scenario's file or the interface's own dictionary also
 * holds (综合协调组, 前方指挥部: no one region's) is left out; the core names never are.
 */
function regionWords(s: Side, other: Side): string[] {
  const sc = s.scenario;
  const org = sc.organisation;
  const texts: Text[] = [
    sc.region.name,
    ...(sc.earthquake.name ? [sc.earthquake.name] : []),
    ...sc.region.settlements.map((x) => x.name),
    ...sc.region.facilities.map((x) => x.name),
    org.hq.name,
    ...org.counties.map((x) => x.name),
    ...org.units.map((x) => x.name),
  ];
  const basemapNames = Object.entries(sc.region.basemap?.names ?? {}).flat();
  const words = [...texts.flatMap((x) => [pick('zh', x), pick('en', x)]), ...basemapNames]
    .flatMap((name) => name.replace(/（[^）]*）|\([^)]*\)/g, '').split(/[—–、,，]/))
    .map((w) => w.trim())
    .filter((w) => w.length >= (/^[\x20-\x7e]+$/.test(w) ? 4 : 2) && !other.text.includes(w) && !INTERFACE.includes(w));
  return [...new Set([...s.core, ...words])];
}

/** Labels of the figures that need nothing but their kind, as the debrief names them (the app's dictionary). */
const PLAIN_LABELS: Record<PlainOutcome, MessageKey[]> = {
  'trapped-rescued': ['console.outcomes.trapped'],
  'response-level': ['console.outcomes.level', 'console.outcomes.levelAtEnd'],
  'first-rescue': ['console.outcomes.firstRescue'],
  shelter: ['console.outcomes.shelter'],
  decisions: ['console.outcomes.decisions'],
};

/** The scenario's own figure labels (its `outcomes` entries with a label). */
const ownLabels = (s: Scenario) => outcomeFigures(s).flatMap((f) => ('label' in f ? [pick('zh', f.label)] : []));

/** The debrief's outcome list, worked out from the scenario: its figures in its order, then the refused actions. */
const outcomeLabels = (s: Scenario) => [
  ...outcomeFigures(s).flatMap((f) => ('label' in f ? [pick('zh', f.label)] : PLAIN_LABELS[f.kind].map((k) => t('zh', k)))),
  t('zh', 'console.outcomes.rejections'),
];

interface Offence {
  screen: string;
  word: string;
  text: string;
  where: string;
}

describe.skipIf(!hasChromium())('both shipped regions, each with its own map, title and figures', () => {
  let app: AppInBrowser;
  let page: Page;
  const offences: Offence[] = [];
  const visited: string[] = [];

  beforeAll(async () => {
    app = await openApp();
    page = app.page;
  }, 50_000);

  afterAll(() => app?.close());

  const control = (name: string) => controlButton(page, name);
  const nav = (name: string) => navButton(page, name);
  const h1 = (title: string) => page.getByRole('heading', { level: 1, name: title, exact: true });
  const seat = (id: string) => page.getByRole('combobox', { name: '席位', exact: true }).selectOption(id);
  const card = (s: Side) => page.locator('article.scenario-choice', { has: page.getByRole('heading', { level: 3, name: s.title, exact: true }) });
  const openPicker = async () => {
    await page.getByRole('button', { name: '选择情景', exact: true }).first().click();
    await h1('选择情景').waitFor();
  };
  const nextNode = async () => {
    await control('下一节点').click();
    await page.getByRole('button', { name: '确认进入下一节点' }).click();
  };

  /** Looks for the other region's words in `texts`, noting each with the screen and where it is. */
  function scanTexts(playing: Side, screen: string, texts: readonly { text: string; where: string }[]) {
    const other = playing === HAICHENG ? LUDIAN : HAICHENG;
    const forbidden = regionWords(other, playing);
    visited.push(`${playing.key}:${screen}`);
    for (const { text, where } of texts) {
      for (const word of forbidden) if (text.includes(word)) offences.push({ screen: `${playing.key}:${screen}`, word, text: text.slice(0, 160), where });
    }
  }
  const scan = async (playing: Side, screen: string) => scanTexts(playing, screen, await page.evaluate(pageTexts));

  function expectNoOffences(playing: Side) {
    const mine = offences.filter((o) => o.screen.startsWith(`${playing.key}:`)).map((o) => `[${o.screen}] "${o.word}" in ${o.where}: ${o.text}`);
    if (mine.length) console.log(`two regions: ${mine.length} word(s) of the other region while ${playing.key} was on show\n${mine.slice(0, 40).join('\n')}${mine.length > 40 ? `\n… and ${mine.length - 40} more` : ''}`);
    console.log(`two regions: ${playing.key}: screens scanned: ${visited.filter((v) => v.startsWith(`${playing.key}:`)).join('、')}`);
    expect(mine).toEqual([]);
  }

  /** Briefing to debrief: bots on every seat, 60×, node by node; the map, seats, scoreboard, debrief and report checked and scanned. */
  async function play(s: Side) {
    const other = s === HAICHENG ? LUDIAN : HAICHENG;
    await page.getByRole('button', { name: '开始推演', exact: true }).first().click();
    await control('暂停').click();
    await control('继续').waitFor();
    await page.getByRole('group', { name: '快进' }).getByRole('button', { name: '60×' }).click();
    expect(await giveSeatsToBot(page, BOT)).toBeGreaterThan(10);
    await control('继续').click();
    await control('暂停').waitFor();

    // The map: this scenario's basemap named in the legend and the attribution, and a drawn canvas.
    const basemap = s.scenario.region.basemap!;
    await expect.poll(() => page.locator('[data-map-slot] .qd-map-legend').textContent(), { timeout: 15_000 }).toContain(pick('zh', basemap.source));
    const licence = typeof basemap.licence === 'string' ? basemap.licence : pick('zh', basemap.licence);
    expect(await page.locator('[data-map-slot] .qd-map-attrib').first().textContent()).toContain(licence);
    const { colours } = await mapCanvas(page);
    expect(colours, 'the map canvas is blank').toBeGreaterThan(20);
    if (s === LUDIAN) await page.locator('.map-panel').screenshot({ path: resultPath('two-regions-ludian-map.png') });
    await scan(s, '导调台');

    for (const id of [s.scenario.organisation.hq.id, s.scenario.organisation.counties[0]?.id]) {
      if (!id) continue;
      await seat(id);
      await page.locator('.seat-screen').first().waitFor();
      await scan(s, `席位 ${id}`);
    }
    await nav('导调台').click();

    // Node by node: "next node" delivers what is left of one at once, and the bots answer a card 20
    // drill-seconds after it opens (a third of a second at 60×).
    for (let n = 1; n < s.scenario.nodes.length; n++) {
      await page.waitForTimeout(800);
      await nextNode();
    }
    await nav('记分板').click();
    await h1('记分板').waitFor();
    await scan(s, '记分板');
    // The scoreboard's tiles carry the scenario's hours-without figures under its own labels, none of the other's.
    const tiles = (await page.locator('section.figures dt').allTextContents()).map((x) => x.trim());
    const hoursLabels = outcomeFigures(s.scenario).flatMap((f) => (f.kind === 'hours-without' ? [pick('zh', f.label)] : []));
    expect(tiles).toEqual(expect.arrayContaining(hoursLabels));
    for (const label of ownLabels(other.scenario).filter((l) => !ownLabels(s.scenario).includes(l))) expect(tiles, `the scoreboard shows ${other.key}'s figure`).not.toContain(label);
    await nav('导调台').click();

    // In the last node the facilitator ends the drill (or it has ended itself already).
    await page.waitForTimeout(1_500);
    const debrief = page.getByRole('button', { name: '查看复盘' });
    if (await debrief.isVisible()) await debrief.click();
    else {
      await control('结束推演').click();
      await page.getByRole('button', { name: '确认结束' }).click();
    }
    await h1('推演复盘').waitFor();
    for (const d of await page.locator('details').all()) await d.evaluate((el) => ((el as HTMLDetailsElement).open = true));
    await page.screenshot({ path: resultPath(`two-regions-${s.key}-debrief.png`) });
    expect(await page.title()).toContain(s.title);
    await scan(s, '复盘');

    // The outcome figures: the scenario's list, in its order, under its labels.
    const shown = (await page.locator('section[aria-labelledby="outcomes-heading"] dl.facts > dt').allTextContents()).map((x) => x.trim());
    expect(shown).toEqual(outcomeLabels(s.scenario));

    // The HTML report the debrief offers: its title, its figures, and no word of the other region.
    const [download] = (await Promise.all([page.waitForEvent('download'), page.locator('[data-report-actions] button[data-report="html"]').click()])) as [Download, unknown];
    const reportPath = resultPath(`two-regions-${s.key}-report.html`);
    await download.saveAs(reportPath);
    const report = readFileSync(reportPath, 'utf8');
    expect(report).toContain(s.title);
    for (const label of ownLabels(s.scenario)) expect(report, `the report's figure ${label}`).toContain(label);
    for (const label of ownLabels(other.scenario).filter((l) => !ownLabels(s.scenario).includes(l))) expect(report, `the report shows ${other.key}'s figure`).not.toContain(label);
    scanTexts(s, '报告（HTML）', report.split('\n').map((text, i) => ({ text, where: `${reportPath.replace(`${ROOT}/`, '')}:${i + 1}` })));

    // The log: this scenario's, and the plan bot answered every kind of decision it has.
    const { header, log } = await exportedLog(page, `two-regions-${s.key}.jsonl`);
    expect(header.scenario).toBe(s.file);
    const byBot = new Set(log.flatMap((e) => (e.event.type === 'answer' && e.event.bot === 'plan' ? [e.event.decision] : [])));
    const kinds = new Map<string, { answered: string[]; not: string[] }>();
    for (const d of s.scenario.decisions) {
      const k = kinds.get(d.kind) ?? { answered: [], not: [] };
      (byBot.has(d.id) ? k.answered : k.not).push(d.id);
      kinds.set(d.kind, k);
    }
    console.info(`two regions: ${s.key}: ${byBot.size} of ${s.scenario.decisions.length} decisions answered by the plan bot; by kind ${[...kinds].map(([k, v]) => `${k} ${v.answered.length}/${v.answered.length + v.not.length}${v.not.length ? ` (not: ${v.not.join(', ')})` : ''}`).join('; ')}`);
    for (const [kind, v] of kinds) expect(v.answered, `the plan bot answered no ${kind} decision of ${s.key}`).not.toEqual([]);
  }

  it('Haicheng, the default, opens on its own briefing and title', async () => {
    await h1(HAICHENG.title).waitFor({ timeout: 15_000 });
    expect(await page.title()).toContain(HAICHENG.title);
    await scan(HAICHENG, '情况介绍');
  });

  it('Haicheng plays and reports with its own basemap and figures, and nothing of Ludian', async () => {
    await play(HAICHENG);
    expectNoOffences(HAICHENG);
  }, 120_000);

  it('Ludian, chosen in the picker, stays over a reload before the start and can be the start page', async () => {
    await openPicker();
    await card(LUDIAN).getByRole('button', { name: '选用此情景', exact: true }).click();
    // Haicheng's drill is on the page, ended: the picker asks before it is thrown away.
    await page.getByRole('button', { name: '放弃当前推演', exact: true }).click();
    await h1(LUDIAN.title).waitFor({ timeout: 15_000 });
    expect(await page.title()).toContain(LUDIAN.title);

    // A reload before 开始推演 comes back to the scenario chosen in this tab.
    expect(await page.evaluate((key) => sessionStorage.getItem(key), CHOSEN_KEY)).toContain(LUDIAN.file);
    await page.reload();
    await h1(LUDIAN.title).waitFor({ timeout: 20_000 });
    expect(await page.title()).toContain(LUDIAN.title);

    // 设为首页情景: a new visit (nothing chosen in the tab) opens Ludian.
    await openPicker();
    await card(LUDIAN).locator('[data-make-start-page]').click();
    await card(LUDIAN).locator('[data-start-page]').waitFor();
    expect(JSON.parse((await page.evaluate((key) => localStorage.getItem(key), START_PAGE_KEY)) ?? 'null')).toEqual({ file: LUDIAN.file });
    await page.evaluate((key) => sessionStorage.removeItem(key), CHOSEN_KEY);
    await page.reload();
    await h1(LUDIAN.title).waitFor({ timeout: 20_000 });
    expect(await page.title()).toContain(LUDIAN.title);
    await scan(LUDIAN, '情况介绍');

    // Back to the default start page (Haicheng's card carries the tag); Ludian stays on show.
    await openPicker();
    await page.locator('[data-reset-start-page]').click();
    await card(HAICHENG).locator('[data-start-page]').waitFor();
    expect(await page.evaluate((key) => localStorage.getItem(key), START_PAGE_KEY)).toBeNull();
    await page.getByRole('button', { name: '返回情景概要', exact: true }).click();
    await h1(LUDIAN.title).waitFor();
  }, 60_000);

  it('Ludian plays and reports with its own basemap and figures, and nothing of Haicheng', async () => {
    await play(LUDIAN);
    expectNoOffences(LUDIAN);
  }, 120_000);

  it('the page logged no errors', () => {
    expect(app.errors).toEqual([]);
  });
});
