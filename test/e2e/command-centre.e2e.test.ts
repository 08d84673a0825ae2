// A drill a command centre runs, end to end in Debian's Chromium (issue 9, "Done when"): on the
// default scenario the facilitator starts the drill; the city HQ activates the search-and-rescue
// group (its order carries the activation) and the console's org chart says so; the group gives
// the fire brigade a free order from its seat's form and the brigade reports back; each reads the
// other's message in its inbox; the facilitator writes a live inject to the group, which reads it
// (and not the expected action); the HQ plots a cordon on its map, listed and drawn; a second tab
// opened mid-drill follows read-only and writes nothing; the first tab reloads and its log begins
// with exactly the log it had. The exported log, replayed by the core, holds the group's state
// path, the order, the report, the inject and the mark. Screenshots: test-results/
// console-hierarchy.png, seat-inbox.png, plotted-map.png. Skipped where Chromium is not installed.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadScenario } from '../../src/scenario/index.ts';
import { replay } from '../../src/review/index.ts';
import { hierarchyPaths } from '../../src/core/hierarchy.ts';
import type { LogEntry } from '../../src/core/index.ts';
import { hasChromium, launchChromium, resultPath, ROOT, startVite, type Browser, type DevServer } from '../browser/launch.ts';
import { exportedLog, savedLog, controlButton } from './drill-log.ts';

const HQ = 'anshan-hq';
const GROUP = 'g-rescue';
const GROUP_NAME = '抢险救援组';
const UNIT = 'fire-rescue';
const UNIT_NAME = '消防救援支队';
const ACTIVATION = '启动抢险救援组，各成员单位立即集结。';
const ORDER = '消防救援支队立即派出两个搜救分队赶赴海城市区，报告出动情况。';
const REPORT = '两个搜救分队已出动，预计四十分钟到达海城市区。';
const INJECT_TITLE = '海城市区一居民楼倒塌';
const INJECT_TEXT = '群众报告海城市区一栋六层居民楼倒塌，疑有多人被困。';
const INJECT_QUESTION = '抢险救援组如何组织搜救？';
const INJECT_EXPECTED = '调派就近重型救援队并设立现场警戒。';
const CORDON_TEXT = '一号警戒区';
const FOLLOWING = '本推演正在另一个标签页中进行（只读跟随）。';
/** Headless Chromium draws the map in software WebGL: on 2 busy cores a click that re-renders the map takes seconds. */
const STEP_MS = 45_000;
const TEST_MS = 180_000;

if (!hasChromium()) console.warn('test/e2e: no Chromium at /usr/bin/chromium (apt-get install chromium, or set CHROMIUM): the browser tests are skipped');

describe.skipIf(!hasChromium())('a command centre runs a drill, end to end', () => {
  let vite: DevServer;
  let browser: Browser;
  let page: Page;
  let second: Page;
  const errors: string[] = [];
  let tabs = 0;

  const open = async () => {
    const p = await browser.context.newPage();
    const tab = `tab ${++tabs}`;
    // A locator that finds nothing fails the step naming it, well before the test's own timeout.
    p.setDefaultTimeout(STEP_MS);
    p.on('pageerror', (e) => errors.push(`${tab}: ${e.message}`));
    p.on('console', (m) => void (m.type() === 'error' && errors.push(`${tab}: ${m.text()}`)));
    await p.goto(vite.url);
    return p;
  };

  beforeAll(async () => {
    [vite, browser] = await Promise.all([startVite(), launchChromium()]);
    page = await open();
    // The first load waits for Vite to prepare the dependencies; the tests below start warm.
    await page.locator('h1').first().waitFor({ timeout: 40_000 });
  }, 50_000);

  afterAll(async () => {
    await browser?.close();
    await vite?.close();
  });

  const toConsole = (p: Page = page) => p.getByRole('navigation').getByRole('button', { name: '导调台', exact: true }).click();
  const toSeat = (seat: string, p: Page = page) => p.getByRole('combobox', { name: '席位', exact: true }).selectOption(seat);
  /** The seat's heading, once its screen shows. */
  const seatHeading = (name: string, p: Page = page) => p.getByRole('heading', { level: 1, name, exact: true });
  const inbox = (p: Page = page) => p.getByRole('region', { name: /^收件箱/ });
  const inboxItem = (text: string, p: Page = page) => inbox(p).getByRole('listitem').filter({ hasText: text });
  const groupNode = (p: Page = page) =>
    p.getByRole('region', { name: '指挥体系态势' }).getByRole('list', { name: '工作组' }).getByRole('listitem').filter({ hasText: GROUP_NAME });
  /** The status line, once it speaks of `what` was just sent, says it was done (or why it was refused). */
  const accepted = async (what: string) => {
    const line = page.locator('.status-line');
    await expect.poll(() => line.textContent(), { timeout: 30_000 }).toContain(what);
    expect((await line.textContent())!.trim()).toMatch(/^已执行：/);
  };

  // Here, not beside the built app's tests: it imports the backend's module, which only the dev server serves.
  it('the IndexedDB backend keeps a drill across a reload, entries in order', async () => {
    await page.goto(vite.url);
    // In the page, as a string: vitest would rewrite a dynamic import() written in this file.
    const saved = (step: 'write' | 'read' | 'clear') =>
      page.evaluate(`(async (step) => {
        const { indexedDbBackend } = await import('/src/app/persist/idb.ts');
        const b = indexedDbBackend(indexedDB, 'quake-drill-e2e');
        const entry = (seq) => ({ seq, t: seq * 1000, actor: 'facilitator', event: { type: 'report', to: 'hq', text: '第' + seq + '条' } });
        if (step === 'write') {
          await b.replace({ version: 1, file: 'x.yaml', scenarioText: '情景', seed: 5, savedAt: 1 }, [entry(1)]);
          await Promise.all([b.append([entry(3)]), b.append([entry(2)])]);
          await b.append([entry(2)]); // written twice: kept once
          await b.heartbeat({ lastSeenT: 9000, speed: 10, at: 2 });
        }
        if (step === 'clear') await b.clear();
        return (await b.read()) ?? null;
      })(${JSON.stringify(step)})`) as Promise<{ meta: unknown; heartbeat: unknown; entries: { seq: number; event: { text: string } }[] } | null>;
    await saved('write');
    await page.reload();
    const back = await saved('read');
    expect(back).toMatchObject({
      meta: { version: 1, file: 'x.yaml', scenarioText: '情景', seed: 5 },
      heartbeat: { lastSeenT: 9_000, speed: 10 },
    });
    expect(back!.entries.map((e) => [e.seq, e.event.text])).toEqual([[1, '第1条'], [2, '第2条'], [3, '第3条']]);
    expect(await saved('clear')).toBeNull();
  });

  it('the facilitator starts the drill in the console; the org chart shows the group on standby', async () => {
    await page.getByRole('button', { name: '开始推演', exact: true }).first().click();
    await controlButton(page, '暂停').waitFor();
    await expect.poll(() => groupNode().getAttribute('data-state'), { timeout: 30_000 }).toBe('standby');
    await expect.poll(() => groupNode().textContent()).toContain('待命');
  }, TEST_MS);

  it('the HQ activates the search-and-rescue group by order; the org chart says 已启动', async () => {
    await toSeat(HQ);
    await seatHeading('鞍山市抗震救灾指挥部').waitFor();
    const open = page.getByRole('region', { name: '指挥部行动' }).getByRole('button', { name: '开设指挥部', exact: true });
    await open.click();
    await accepted('鞍山市抗震救灾指挥部');
    expect(await open.isDisabled()).toBe(true);
    const form = page.getByRole('form', { name: '下达命令' });
    await form.getByRole('combobox', { name: '接收方' }).selectOption({ label: GROUP_NAME });
    await form.getByRole('combobox', { name: '附带行动' }).selectOption({ label: '启动工作组' });
    await form.getByRole('combobox', { name: '工作组' }).selectOption({ label: GROUP_NAME });
    await form.getByRole('textbox', { name: '内容' }).fill(ACTIVATION);
    await form.getByRole('button', { name: '下达命令', exact: true }).click();
    await accepted(ACTIVATION);

    await toConsole();
    await expect.poll(() => groupNode().getAttribute('data-state'), { timeout: 30_000 }).toBe('activated');
    expect(await groupNode().textContent()).toContain('已启动');
    const chart = page.getByRole('region', { name: '指挥体系态势' });
    expect(await chart.textContent()).toContain('指挥部已开设');
    await chart.scrollIntoViewIfNeeded();
    await page.screenshot({ path: resultPath('console-hierarchy.png') });
  }, TEST_MS);

  it('the group gives the fire brigade a free order; the brigade reads it in its inbox', async () => {
    await toSeat(GROUP);
    await seatHeading(GROUP_NAME).waitFor();
    const form = page.getByRole('form', { name: '下达命令' });
    await form.getByRole('combobox', { name: '接收方' }).selectOption({ label: UNIT_NAME });
    expect(await form.getByRole('combobox', { name: '附带行动' }).inputValue()).toBe(''); // 仅文字命令
    await form.getByRole('textbox', { name: '内容' }).fill(ORDER);
    await form.getByRole('button', { name: '下达命令', exact: true }).click();
    await accepted(ORDER);

    await toSeat(UNIT);
    await seatHeading(UNIT_NAME).waitFor();
    await inboxItem(ORDER).waitFor({ timeout: 30_000 });
    expect(await inboxItem(ORDER).textContent()).toContain('命令');
    expect(await inboxItem(ORDER).textContent()).toContain(`来自 ${GROUP_NAME}`);
  }, TEST_MS);

  it('the brigade reports (报告) to the group; the group reads it in its inbox', async () => {
    const form = page.getByRole('form', { name: '报告、请示与协调' });
    await form.getByRole('radio', { name: '报告', exact: true }).check();
    await form.getByRole('combobox', { name: '接收方' }).selectOption({ label: GROUP_NAME });
    await form.getByRole('textbox', { name: '内容' }).fill(REPORT);
    await form.getByRole('button', { name: '发送', exact: true }).click();
    await accepted(REPORT);

    await toSeat(GROUP);
    await seatHeading(GROUP_NAME).waitFor();
    await inboxItem(REPORT).waitFor({ timeout: 30_000 });
    expect(await inboxItem(REPORT).textContent()).toContain('报告');
    expect(await inboxItem(REPORT).textContent()).toContain(`来自 ${UNIT_NAME}`);
  }, TEST_MS);

  it('the facilitator writes and sends a live inject; the group reads it, without the expected action', async () => {
    await toConsole();
    await page.getByRole('button', { name: '编写注入', exact: true }).click();
    const form = page.getByRole('form', { name: '现场编写注入' });
    await form.getByRole('textbox', { name: '标题' }).fill(INJECT_TITLE);
    await form.getByRole('textbox', { name: '内容' }).fill(INJECT_TEXT);
    await form.getByRole('group', { name: '工作组' }).getByRole('checkbox', { name: GROUP_NAME }).check();
    await form.getByRole('textbox', { name: /^提问/ }).fill(INJECT_QUESTION);
    await form.getByRole('textbox', { name: /^期望处置/ }).fill(INJECT_EXPECTED);
    await form.getByRole('button', { name: '下达', exact: true }).click();
    await expect.poll(() => form.count(), { timeout: 30_000 }).toBe(0);
    // The console lists it as written live, with its expected action: control material, for the console alone.
    const delivered = page.getByRole('list', { name: /^已下达/ }).getByRole('listitem').filter({ hasText: INJECT_TITLE });
    expect(await delivered.textContent()).toContain('现场编写');
    expect(await delivered.textContent()).toContain(`期望处置：${INJECT_EXPECTED}`);

    await toSeat(GROUP);
    await seatHeading(GROUP_NAME).waitFor();
    const item = inboxItem(INJECT_TITLE);
    await item.waitFor({ timeout: 30_000 });
    const words = (await item.textContent())!;
    expect(words).toContain('注入');
    expect(words).toContain(INJECT_TEXT);
    expect(words).toContain(INJECT_QUESTION);
    expect(words).not.toContain(INJECT_EXPECTED);
    await inbox().scrollIntoViewIfNeeded();
    await inbox().screenshot({ path: resultPath('seat-inbox.png') });
  }, TEST_MS);

  it('the HQ plots a cordon on its map: three clicks, listed and drawn', async () => {
    await toSeat(HQ);
    await seatHeading('鞍山市抗震救灾指挥部').waitFor();
    const canvas = page.locator('[data-map-slot] canvas').first();
    await canvas.waitFor({ timeout: 30_000 });
    await canvas.scrollIntoViewIfNeeded();
    await page.getByRole('toolbar', { name: '标绘工具' }).getByRole('button', { name: '警戒区', exact: true }).click();
    const box = (await canvas.boundingBox())!;
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    for (const [dx, dy] of [[-60, -40], [60, -40], [0, 50]] as const) await page.mouse.click(cx + dx, cy + dy);
    await page.getByText('已选 3 点', { exact: true }).waitFor({ timeout: 30_000 });
    await page.getByLabel('文字说明', { exact: true }).fill(CORDON_TEXT);
    await page.getByRole('button', { name: '完成', exact: true }).click();

    const listed = page.getByRole('region', { name: /^已标绘/ }).first().getByRole('listitem').filter({ hasText: CORDON_TEXT });
    await listed.waitFor();
    expect(await listed.textContent()).toMatch(/警戒区[\s\S]*鞍山市抗震救灾指挥部/);
    // Drawn: the mounted map counts the lines and labels it drew for plotted marks.
    const drawn = () =>
      page.evaluate(`(async () => {
        const { mountedIn } = await import('/src/app/map/mount.ts');
        return mountedIn(document.querySelector('[data-map-slot]'))?.view?.stats().marks ?? null;
      })()`) as Promise<{ lines: number; labels: number } | null>;
    await expect.poll(async () => (await drawn())?.lines ?? 0, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
    await page.getByRole('region', { name: '态势图' }).first().screenshot({ path: resultPath('plotted-map.png') });
  }, TEST_MS);

  it('a second tab opened mid-drill follows it read-only: same log, nothing written', async () => {
    second = await open();
    await expect.poll(() => second.locator('.follower-banner').textContent(), { timeout: 30_000 }).toContain(FOLLOWING);
    await toConsole(second);
    expect(await controlButton(second, '暂停').isDisabled()).toBe(true);
    await toSeat(GROUP, second);
    await seatHeading(GROUP_NAME, second).waitFor();
    expect(await second.getByRole('form', { name: '下达命令' }).getByRole('textbox', { name: '内容' }).isEditable()).toBe(false);
    await inboxItem(INJECT_TITLE, second).waitFor();
    await toConsole();
    await controlButton(page, '暂停').click();
    await controlButton(page, '继续').waitFor();
    const inFirst = (await exportedLog(page, 'command-centre-first.jsonl')).log;
    await expect.poll(async () => (await exportedLog(second, 'command-centre-second.jsonl')).log, { timeout: 30_000 }).toEqual(inFirst);
    expect(await savedLog(second)).toEqual(inFirst);
    await controlButton(page, '继续').click();
    await controlButton(page, '暂停').waitFor();
  }, TEST_MS);

  let beforeReload: LogEntry[] = [];
  let afterReload: LogEntry[] = [];

  it('the first tab reloads: its log begins with exactly the log it had, entry by entry', async () => {
    beforeReload = (await exportedLog(page, 'command-centre-before-reload.jsonl')).log;
    await page.reload();
    await controlButton(page, '继续').waitFor({ timeout: 30_000 });
    expect(await page.locator('.follower-banner').count()).toBe(0);
    const after = (await exportedLog(page, 'command-centre-after-reload.jsonl')).log;
    for (const [i, entry] of beforeReload.entries()) expect(after[i], `entry ${i + 1} after the reload`).toEqual(entry);
    // Running when reloaded, it comes back paused: the pause is the only entry added.
    expect(after.slice(beforeReload.length)).toEqual([expect.objectContaining({ actor: 'facilitator', event: { type: 'pause' } })]);
    await expect.poll(() => savedLog(page), { timeout: 30_000 }).toEqual(after);
    afterReload = after;
  }, TEST_MS);

  it('the second tab follows the reloaded first tab on: the same log, entry for entry', async () => {
    await expect.poll(async () => (await exportedLog(second, 'command-centre-second-after-reload.jsonl')).log, { timeout: 30_000 }).toEqual(afterReload);
    expect(await second.locator('.follower-banner').textContent()).toContain(FOLLOWING);
  }, TEST_MS);

  it('the core, replaying the exported log, finds the group activated, the messages and the mark', async () => {
    const exported = await exportedLog(page, 'command-centre.jsonl');
    expect(exported.log.slice(0, beforeReload.length)).toEqual(beforeReload);
    const loaded = loadScenario(readFileSync(`${ROOT}/${exported.header.scenario}`, 'utf8'), exported.header.scenario);
    if (!loaded.ok) throw new Error('the default scenario does not load');
    const { world } = replay(loaded.scenario, exported.header.seed, exported.log, exported.header.until);

    expect(world.rejections).toEqual([]);
    expect(hierarchyPaths(world)).toEqual(expect.arrayContaining(['hq.opened', `groups.${GROUP}.activated`]));
    expect(world.messages).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'order', from: HQ, to: GROUP, text: ACTIVATION }),
        expect.objectContaining({ kind: 'order', from: GROUP, to: UNIT, text: ORDER }),
        expect.objectContaining({ kind: 'report', from: UNIT, to: GROUP, text: REPORT }),
        expect.objectContaining({ kind: 'inject', from: 'facilitator', to: GROUP, title: INJECT_TITLE, text: INJECT_TEXT, question: INJECT_QUESTION, expected: INJECT_EXPECTED }),
      ]),
    );
    const injectEntry = exported.log.find((e) => e.event.type === 'live-inject')!;
    expect(world.messages.find((m) => m.kind === 'inject' && m.to === GROUP)?.inject).toBe(`live-${injectEntry.seq}`);
    const marks = Object.values(world.marks);
    expect(marks).toHaveLength(1);
    expect(marks[0]).toMatchObject({ by: HQ, kind: 'cordon', text: CORDON_TEXT, audience: 'all' });
    expect(marks[0]!.points).toHaveLength(3);
  }, TEST_MS);

  it('the pages logged no errors', () => {
    expect(errors).toEqual([]);
  });
});
