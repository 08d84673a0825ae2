// The after-action review end to end in Debian's Chromium (issue 10, "Done when"): a drill played in
// the page — one decision answered by hand, every seat then given to a bot, fast-forward and "next
// node" — ended; its HTML report opened in Chromium, printed to PDF and the PDF's text checked; its
// export verified by `quake-drill verify`. Then the replay: scrubbed to three moments whose scores,
// decision card and map are checked against the drill as played (screenshots review-moment-N.png),
// an evaluator's note marked on the scrubber, a what-if branched from the middle, played on with every
// seat taken back by hand (so nobody answers), ended and compared with its parent.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Locator, Page } from 'playwright-core';
import { loadScenario, type Scenario } from '../../src/scenario/index.ts';
import { replay, type LogHeader } from '../../src/review/index.ts';
import { drillTime, scenarioTime, scoreDrill } from '../../src/scoring/index.ts';
import type { LogEntry } from '../../src/core/index.ts';
import { openApp, type AppInBrowser } from '../browser/app.ts';
import { hasChromium, resultPath, ROOT } from '../browser/launch.ts';
import { quakeDrill } from '../cli/helpers.ts';
import { answerByHand, exportedLog, controlButton, navButton } from './drill-log.ts';

const TITLE = '鞍山市海城5.8级地震应急桌面推演（默认情景）';
const BOT = '机器人·按预案';
const HAND = '人工';
const PDFTOTEXT = '/usr/bin/pdftotext';
const run = promisify(execFile);

if (!hasChromium()) console.warn('test/e2e: no Chromium at /usr/bin/chromium (apt-get install chromium, or set CHROMIUM): the browser tests are skipped');

describe.skipIf(!hasChromium())('the after-action review of a drill played in the browser', () => {
  let app: AppInBrowser;
  let page: Page;

  /** The drill played in the first test, as the page exported it and as its debrief showed it. */
  let played: { header: LogHeader; log: LogEntry[]; scenario: Scenario; overall: string; handSeat: string; handPrompt: string };

  beforeAll(async () => {
    app = await openApp();
    page = app.page;
  }, 50_000);

  afterAll(() => app?.close());

  const control = (name: string) => controlButton(page, name);
  const nav = (name: string) => navButton(page, name);
  const openRows = () => page.locator('table[aria-labelledby="open-heading"] tbody tr');
  const operators = () => page.locator('select[aria-label$="的操作方"]');
  const debriefHeading = () => page.getByRole('heading', { level: 1, name: '推演复盘' });
  const shownOverall = async (scope: Locator) => (await scope.locator('.overall-score').first().textContent())!.trim().split(/\s/)[0]!;

  /** Every seat's operator set to `policy` in one go (each pick re-renders the map: one at a time costs a second apiece). */
  async function allSeatsTo(policy: string) {
    expect(await operators().count()).toBeGreaterThan(10);
    await operators().evaluateAll((all, label) => {
      for (const el of all as HTMLSelectElement[]) {
        if (el.selectedOptions[0]?.textContent?.trim() === label) continue;
        el.value = [...el.options].find((o) => o.textContent?.trim() === label)!.value;
        el.dispatchEvent(new Event('change', { bubbles: true }));
      }
    }, policy);
    await expect.poll(() => operators().evaluateAll((all, label) => all.every((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent?.trim() === label), policy)).toBe(true);
  }

  /**
   * Every remaining node left early, then the drill ended: to its debrief. Running, each node gets a
   * moment for the bots; paused, the nodes go by with nobody answering.
   */
  async function playToDebrief({ running }: { running: boolean }) {
    for (let node = 0; node < 5; node++) {
      if (running) await page.waitForTimeout(700); // bots answer 20 drill-seconds after a card opens: a third of a second at 60×
      if (!(await control('下一节点').isVisible()) || !(await control('下一节点').isEnabled())) break;
      // By its shortcut (N, then Enter confirms): a click waits for a busy page's frames to settle first.
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press('n');
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: '确认进入下一节点' }).waitFor({ state: 'hidden' });
    }
    if (running) await page.waitForTimeout(700);
    // At 60× the last node may have run out already: the drill then ended itself and offers the debrief.
    if (await page.getByRole('button', { name: '查看复盘' }).isVisible()) await page.getByRole('button', { name: '查看复盘' }).click();
    else {
      await control('结束推演').click();
      await page.getByRole('button', { name: '确认结束' }).click();
      if (!(await debriefHeading().isVisible())) await nav('复盘').click();
    }
    await debriefHeading().waitFor();
  }

  it('a drill played to its debrief: the HTML report printed to PDF with its Chinese text and final hash; the export verifies', async () => {
    await expect.poll(() => page.getByRole('heading', { level: 1, name: TITLE }).count(), { timeout: 15_000 }).toBe(1);
    await page.getByRole('button', { name: '开始推演', exact: true }).first().click();
    await control('暂停').waitFor();
    await page.getByRole('group', { name: '快进' }).getByRole('button', { name: '60×' }).click();
    await expect.poll(() => openRows().count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    await control('暂停').click();
    await control('继续').waitFor();
    // A whole second of room time paused before the answer: the scrubber (1 s steps) then has a
    // moment where the decision stands open and unanswered.
    await page.waitForTimeout(1_200);

    // The first open decision, answered by hand on its seat's screen.
    const row = openRows().first();
    const handPrompt = (await row.locator('td').first().textContent())!.trim();
    const handSeat = (await row.locator('th button').textContent())!.trim();
    await row.locator('th button').click();
    const card = page.locator('article.decision-card.is-open', { has: page.getByRole('heading', { name: handPrompt, exact: true }) }).first();
    await answerByHand(card);
    await card.locator('button[type="submit"]').click();
    await page.locator('article.decision-card.is-done', { has: page.getByRole('heading', { name: handPrompt, exact: true }) }).first().waitFor();
    await nav('导调台').click();

    await allSeatsTo(BOT);
    await control('继续').click();
    await control('暂停').waitFor();
    await playToDebrief({ running: true });
    const overall = await shownOverall(page.getByRole('region', { name: '综合得分' }).first());
    await page.screenshot({ path: resultPath('review-debrief.png'), fullPage: true });

    // The 演练评估报告 as the page offers it: one HTML file.
    await page.locator('[data-report-kind]').selectOption('evaluation');
    const [download] = (await Promise.all([page.waitForEvent('download'), page.locator('[data-report="html"]').click()])) as [Download, unknown];
    const htmlPath = resultPath('review-report.html');
    await download.saveAs(htmlPath);
    const reportText = readFileSync(htmlPath, 'utf8');
    const reportFinal = /最终哈希 ([0-9a-f]{64})/.exec(reportText)?.[1];
    expect(reportFinal, 'the report prints the record’s final hash').toBeDefined();

    // The drill's log as exported, and `quake-drill verify` on it.
    await nav('导调台').click();
    const exported = await exportedLog(page, 'review-drill.jsonl');
    expect(exported.header.final, 'the report’s final hash is the exported record’s').toBe(reportFinal);
    const verified = await quakeDrill(['verify', resultPath('review-drill.jsonl')]);
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toContain(exported.header.final!);

    // The report in Chromium: its first page on screen, then printed.
    const reportPage = await app.browser.context.newPage();
    await reportPage.goto(pathToFileURL(htmlPath).href);
    await reportPage.getByRole('heading', { level: 1 }).first().waitFor();
    await reportPage.screenshot({ path: resultPath('report-first-page.png') });
    const pdfPath = resultPath('review-report.pdf');
    await reportPage.pdf({ path: pdfPath, format: 'A4', printBackground: true });
    await reportPage.close();
    expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
    if (!existsSync(PDFTOTEXT)) console.warn(`test/e2e: no ${PDFTOTEXT} (apt-get install poppler-utils): the PDF's text is not checked`);
    else {
      const { stdout } = await run(PDFTOTEXT, ['-enc', 'UTF-8', pdfPath, '-']);
      const text = stdout.replace(/\s+/g, '');
      expect(text).toContain('演练评估报告');
      expect(text).toContain(TITLE);
      expect(text).toContain(reportFinal);
    }

    const loaded = loadScenario(readFileSync(`${ROOT}/${exported.header.scenario}`, 'utf8'), exported.header.scenario);
    if (!loaded.ok) throw new Error('the default scenario does not load');
    played = { ...exported, scenario: loaded.scenario, overall, handSeat, handPrompt };
    const answers = exported.log.filter((e) => e.event.type === 'answer');
    expect(answers.length).toBeGreaterThan(5);
    console.info(`test/e2e: ${exported.log.length} entries, ${answers.length} answers, overall ${overall}, final ${reportFinal}`);
  });

  it('the replay at three moments, a note on the scrubber, a what-if from the middle compared with its parent', async () => {
    expect(played, 'the drill of the first test').toBeDefined();
    const { header, log, scenario, handSeat, handPrompt } = played;
    await nav('复盘').click();
    await page.locator('[data-open-review]').click();
    await page.locator('[data-review]').waitFor();
    expect(await page.locator('[data-review] [data-trust]').first().getAttribute('data-trust')).toBe('verified');
    const scrubber = page.locator('[data-scrubber]');
    const max = Number(await scrubber.getAttribute('max'));

    // The moments, from the log: paused before the hand answer; just after the first "next node"; the end.
    const firstAnswer = log.find((e) => e.event.type === 'answer')!;
    const pause = log.findLast((e) => e.event.type === 'pause' && e.t < firstAnswer.t)!;
    const nextNode = log.find((e) => e.event.type === 'next-node')!;
    const end = Math.max(header.until ?? 0, log.at(-1)!.t);
    const second = (t: number) => Math.ceil(t / 1000) * 1000;
    const moments = [second(pause.t), second(nextNode.t) + 1000, max];
    expect(moments[0], 'a whole second between the pause and the hand answer').toBeLessThan(firstAnswer.t);
    expect(moments[1]).toBeLessThan(end);

    const seekTo = async (t: number) => {
      await scrubber.evaluate((el, v) => {
        (el as HTMLInputElement).value = String(v);
        el.dispatchEvent(new Event('input', { bubbles: true }));
      }, t);
    };
    const view = (v: string) => page.locator(`[data-review-view="${v}"]`).click();
    const main = page.locator('.review-main');

    const sheets: { caption: string; shots: Buffer[] }[] = [];
    for (const [i, t] of moments.entries()) {
      const at = Math.min(t, end);
      const ex = replay(scenario, header.seed, log.filter((e) => e.t <= at), at);
      const { world } = ex;
      // The scores as they stood: none before any answer, the debrief's at the end (seeked off the map, which redraws slowly in software).
      await view('scoreboard');
      await seekTo(t);
      await expect.poll(() => page.locator('[data-review-time]').textContent()).toContain(`演练时间 ${drillTime(world.clock)} · 情景时间 ${scenarioTime(world.scenarioMs)}`);
      const overall = await shownOverall(main);
      const expected = i === 0 ? '—' : i === 2 ? played.overall : scoreDrill(scenario, world, ex.log).overall?.toFixed(1);
      if (i === 0) expect(log.some((e) => e.event.type === 'answer' && e.t <= at)).toBe(false);
      expect(overall, `overall at moment ${i + 1}`).toBe(expected);
      const scores = await main.screenshot();
      const controls = await page.locator('.review-controls').screenshot();

      // The decision answered by hand: open with its clock before the answer, answered after.
      await view('seat');
      await page.locator('[data-review-seat]').selectOption({ label: handSeat });
      const handCard = main.locator('article.decision-card', { has: page.getByRole('heading', { name: handPrompt, exact: true }) }).first();
      await expect.poll(() => handCard.getAttribute('class')).toContain(i === 0 ? 'is-open' : 'is-done');
      expect(await handCard.getByRole('timer').count()).toBe(i === 0 ? 1 : 0);
      const cardShot = await handCard.screenshot();

      // The map: the incidents that had appeared then, and the teams on their way or on scene.
      await view('map');
      const incidents = Object.values(world.incidents).filter((x) => x.status !== 'latent');
      const active = incidents.filter((x) => x.status === 'reported' || x.status === 'escalating').length;
      const canvas = main.locator('[data-map-slot] canvas').first();
      await expect
        .poll(() => canvas.getAttribute('aria-label'), { timeout: 15_000 })
        .toContain(`情景时间 ${scenarioTime(world.scenarioMs)}，${incidents.length} 处灾情（${active} 处未控制）`);
      if (i === 0) expect(await canvas.getAttribute('aria-label')).toContain('，0 支救援力量');
      if (i === 2) expect(incidents.length).toBeGreaterThan(0);
      const mapShot = await main.screenshot();
      sheets.push({
        caption: `复盘回放 · 第 ${i + 1} 个时刻 · 演练时间 ${drillTime(world.clock)} · 情景时间 ${scenarioTime(world.scenarioMs)}`,
        shots: [controls, scores, cardShot, mapShot],
      });
    }
    await composite(sheets);

    // An evaluator's note at the middle moment, marked on the scrubber there.
    await view('scoreboard'); // no map to redraw
    const middle = moments[1]!;
    const parentSeq = log.filter((e) => e.t <= middle).at(-1)!.seq;
    await seekTo(middle);
    await expect.poll(() => scrubber.inputValue()).toBe(String(middle));
    const form = page.locator('[data-note-form]');
    await form.locator('textarea[data-note-text]').fill('第二节点开始时各组响应及时（e2e）');
    await form.locator('select[data-note-kind]').selectOption('strength');
    await form.locator('[data-note-submit]').click();
    const tick = page.locator('[data-marker-kind="note"]');
    await expect.poll(() => tick.count()).toBe(1);
    expect(await tick.getAttribute('style')).toContain(`left: ${((100 * middle) / max).toFixed(3)}%`);
    expect(await tick.getAttribute('title')).toContain(drillTime(middle));
    await page.locator('.review-controls').screenshot({ path: resultPath('review-note.png') });

    // The what-if from the middle: every seat taken back by hand, the remaining nodes gone through with nobody answering.
    await page.locator('[data-branch]').click();
    await control('继续').waitFor();
    await allSeatsTo(HAND);
    await playToDebrief({ running: false });
    const branchOverall = await shownOverall(page.getByRole('region', { name: '综合得分' }).first());
    await page.locator('[data-open-review]').click();
    await page.locator('[data-review]').waitFor();
    await expect.poll(() => page.locator('[data-review] .review-head').textContent()).toContain(`假设推演：自 ${header.drill} 第 ${parentSeq} 条记录起`);
    await page.locator('[data-compare]').click();
    const comparison = page.locator('[data-compare-view]');
    await comparison.waitFor();

    const drills = comparison.locator('[data-compare-drills] tbody tr');
    expect(await drills.count()).toBe(2);
    expect((await drills.nth(0).locator('th').textContent())!.trim()).toBe('本次推演');
    expect((await drills.nth(1).locator('th').textContent())!.trim()).toBe('原推演');
    expect((await drills.nth(1).locator('td').first().textContent())!.trim()).toBe(header.drill);
    expect(await comparison.locator('[data-compare-branch]').textContent()).toContain(`自第 ${parentSeq} 条记录`);
    const [a, b, delta] = await comparison.locator('[data-compare-overall] tbody tr').first().locator('td').allTextContents();
    expect([a, b]).toEqual([branchOverall, played.overall]);
    const shownDelta = Number(delta!.replace('−', '-'));
    expect(shownDelta, 'nobody answering changes the score').not.toBe(0);
    expect(Math.abs(shownDelta - (Number(branchOverall) - Number(played.overall)))).toBeLessThanOrEqual(0.1 + 1e-9);
    // Its head: the two drills, the branching, the headlines, the chart and the overall score (the tables below run on for metres).
    const box = (await comparison.boundingBox())!;
    await page.screenshot({ path: resultPath('review-compare.png'), fullPage: true, clip: { ...box, height: Math.min(box.height, 1600) } });
    console.info(`test/e2e: ${sheets.map((x) => x.caption).join('; ')}; the what-if scores ${branchOverall} against ${played.overall} (Δ ${delta})`);

    expect(app.errors).toEqual([]);
  });

  /** Each moment's pictures (the controls; the scoreboard and the decision card; the map) under its caption, as review-moment-N.png (laid out and drawn by Chromium, in a page of its own). */
  async function composite(sheets: { caption: string; shots: Buffer[] }[]) {
    const sheet = await app.browser.context.newPage();
    const img = (b: Buffer) => `<img src="data:image/png;base64,${b.toString('base64')}" style="max-width:100%;display:block;border:1px solid #999">`;
    for (const [i, { caption, shots }] of sheets.entries()) {
      const [controls, ...views] = shots;
      await sheet.setContent(
        `<body style="margin:8px;font:16px sans-serif;background:#fff"><p>${caption}</p>${img(controls!)}<div style="display:flex;flex-wrap:wrap;gap:8px;margin-top:8px;align-items:flex-start">${views
          .map((v, j) => `<div style="width:${['56%', '42%', '100%'][j]};max-height:900px;overflow:hidden">${img(v)}</div>`)
          .join('')}</div></body>`,
      );
      await sheet.screenshot({ path: resultPath(`review-moment-${i + 1}.png`), fullPage: true });
    }
    await sheet.close();
  }
});
