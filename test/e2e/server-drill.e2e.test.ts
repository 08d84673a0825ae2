// One drill on the multi-seat server (issue 11 §5), played as a room would, in three browsers of
// Debian's Chromium: the facilitator opens the host link, creates a drill of the default scenario
// and sees the join links, a QR code per link (test-results/server-join-links.png); the city
// earthquake bureau (a member unit with the first decision) and the earthquake-monitoring working
// group open their links in browsers of their own; the facilitator starts the drill from the
// console its own link opens; the bureau answers its decision and both seats report to the HQ; the
// console's log shows both; the facilitator pauses; neither seat's screen shows the other's report,
// the group sees neither the bureau's pending decision nor any expected answer, and what each browser
// received over Socket.IO holds none of it (the server filtered it, the client hid nothing); the
// bureau reloads and comes back to its seat as it was; the log downloaded over REST verifies and
// holds each seat's commands under its seat id. The server runs in-process on the app built once
// into a temporary folder. Skipped where Chromium is not installed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/server/server.ts';
import { parseLog } from '../../src/review/index.ts';
import { hasChromium, launchChromium, resultPath, type Browser } from '../browser/launch.ts';
import { controlButton, navButton } from './drill-log.ts';

const BUREAU = 'quake-bureau';
const BUREAU_NAME = '市地震局';
const DECISION_PROMPT = '市地震局震后应立即开展哪些工作？（多选）';
/** The option it chooses, one of the three the plan expects. */
const CHOSEN = '启动震情会商，1小时内提出震后趋势初步判定意见';
/** Control material for the bureau's decision: its other expected options, a rubric line, the plan clause. */
const EXPECTED = ['派出地震现场工作队赶赴岔沟，架设流动观测台、开展烈度调查', '产出烈度速报图和灾害快速评估结果报指挥部'];
const RUBRIC = '震后趋势会商是地震部门的首要职责。';
const PLAN_CLAUSE = '4.1 地震监测预报';
const GROUP = 'g-monitor';
const GROUP_NAME = '地震监测和次生灾害防范处置组';
const HQ_NAME = '鞍山市抗震救灾指挥部';
const BUREAU_REPORT = '市地震局已启动震情会商，一小时内报送震后趋势初步判定意见。';
const GROUP_REPORT = '监测组已与市地震局建立会商机制，岔沟一带流动观测台正在架设。';
/** Headless Chromium in software WebGL, three browsers on 2 busy cores: a step can take seconds. */
const STEP_MS = 45_000;
const TEST_MS = 180_000;

describe.skipIf(!hasChromium())('a drill on the server, in three browsers (facilitator, two seats)', () => {
  let data: string;
  let server: RunningServer;
  let host: Browser;
  let bureauBrowser: Browser;
  let groupBrowser: Browser;
  let panel: Page;
  let console_: Page;
  let bureau: Page;
  let group: Page;
  let drill = '';
  const links = new Map<string, string>();
  const errors: string[] = [];
  /** What the server sent each page over Socket.IO (WebSocket frames and long-polling answers): the filtering is the server's. */
  const received = new Map<string, string[]>();
  const heard = (who: string) => (received.get(who) ?? []).join('\n');

  const watch = (page: Page, who: string) => {
    page.setDefaultTimeout(STEP_MS);
    page.on('pageerror', (e) => errors.push(`${who}: ${e.message}`));
    page.on('console', (m) => void (m.type() === 'error' && errors.push(`${who}: ${m.text()}`)));
    const heardHere: string[] = [];
    received.set(who, heardHere);
    page.on('websocket', (ws) => ws.on('framereceived', (f) => void heardHere.push(String(f.payload))));
    page.on('response', (r) => void (r.url().includes('/socket.io/') && r.text().then((text) => heardHere.push(text), () => undefined)));
    return page;
  };

  beforeAll(async () => {
    data = mkdtempSync(join(tmpdir(), 'quake-drill-data-'));
    // The app as the browser tests' global set-up built it (test/browser/built-app.ts).
    server = await startServer({ port: 0, data, appDir: inject('appDir') });
    [host, bureauBrowser, groupBrowser] = await Promise.all([launchChromium(), launchChromium(), launchChromium()]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([host?.close(), bureauBrowser?.close(), groupBrowser?.close()]);
    await server?.close();
    if (data) rmSync(data, { recursive: true, force: true });
  });

  const connection = (page: Page) => page.getByRole('status', { name: '与推演服务器的连接' });
  const seatHeading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });
  const pending = (page: Page) => page.getByRole('region', { name: /^待决策/ });
  const sent = (page: Page) => page.getByRole('region', { name: /^已发出/ });
  const bodyText = async (page: Page) => (await page.locator('body').textContent()) ?? '';
  /** The status line says the command speaking of `what` was done. */
  const accepted = async (page: Page, what: string) => {
    const line = page.locator('.status-line');
    await expect.poll(() => line.textContent(), { timeout: 30_000 }).toContain(what);
    await expect.poll(async () => (await line.textContent())!.trim(), { timeout: 30_000 }).toMatch(/^已执行：/);
  };
  /** 报告 to the HQ from the seat's form, done once its status line says so and 已发出 lists it. */
  const reportToHq = async (page: Page, text: string) => {
    const form = page.getByRole('form', { name: '报告、请示与协调' });
    await form.getByRole('radio', { name: '报告', exact: true }).check();
    await form.getByRole('combobox', { name: '接收方' }).selectOption({ label: HQ_NAME });
    await form.getByRole('textbox', { name: '内容' }).fill(text);
    await form.getByRole('button', { name: '发送', exact: true }).click();
    await accepted(page, text);
    await expect.poll(() => sent(page).textContent(), { timeout: 30_000 }).toContain(text);
  };

  it('the facilitator opens the host link, creates a drill of the default scenario and sees a QR code per join link', async () => {
    panel = watch(await host.context.newPage(), 'host panel');
    await panel.goto(`${server.url}/?host=${server.hostKey}`);
    await panel.getByRole('heading', { level: 1, name: '推演服务器' }).waitFor({ timeout: 40_000 });
    const scenario = panel.getByRole('combobox', { name: '情景' });
    expect(await scenario.inputValue()).toBe('scenarios/haicheng-m5.8.yaml');
    await panel.getByRole('button', { name: '用此情景新建', exact: true }).click();

    const table = panel.getByRole('table', { name: '加入链接' });
    await table.waitFor();
    drill = /^推演 (\S+)$/.exec((await panel.getByRole('heading', { level: 2, name: /^推演 / }).textContent())!.trim())![1]!;
    const rows = table.getByRole('row').filter({ has: panel.getByRole('link') });
    // 总指挥, 导调, 控制人员, 评估人员, 观摩, and each of the scenario's 42 seats.
    expect(await rows.count()).toBe(5 + 42);
    expect(await table.getByRole('img', { name: /的加入二维码$/ }).count()).toBe(5 + 42);
    for (const row of await table.getByTestId('join-link').all()) links.set(`${await row.getAttribute('data-role')}:${await row.getAttribute('data-seat')}`, (await row.getByRole('link').getAttribute('href'))!);
    expect(links.get(`seat:${BUREAU}`)).toMatch(new RegExp(`^${server.url}/\\?join=[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$`));
    const bureauRow = table.getByTestId('join-link').and(panel.locator(`[data-seat="${BUREAU}"]`));
    expect(await bureauRow.getByRole('img', { name: `${await bureauRow.getByRole('rowheader').textContent()} 的加入二维码` }).count()).toBe(1);
    // The note's picture: the table from its heading down, the seats' QR codes in view.
    await panel.getByRole('heading', { level: 2, name: /^推演 / }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await panel.screenshot({ path: resultPath('server-join-links.png') });
  }, TEST_MS);

  it('the facilitator opens its own link from the table: the console, connected as 导调', async () => {
    const row = panel.getByTestId('join-link').and(panel.locator('[data-role="facilitator"]'));
    // Watched from its first moment: the server's welcome is among what it hears.
    host.context.once('page', (page) => void watch(page, 'console'));
    [console_] = await Promise.all([host.context.waitForEvent('page'), row.getByRole('link').click()]);
    await seatHeading(console_, '导调台').waitFor({ timeout: 40_000 });
    await expect.poll(() => connection(console_).textContent()).toContain('已连接');
    expect(await bodyText(console_)).toContain('导调（总策划）');
  }, TEST_MS);

  it('the two seats open their links in their own browsers, each at its own seat only', async () => {
    [bureau, group] = await Promise.all([bureauBrowser.context.newPage(), groupBrowser.context.newPage()]);
    watch(bureau, BUREAU);
    watch(group, GROUP);
    await Promise.all([bureau.goto(links.get(`seat:${BUREAU}`)!), group.goto(links.get(`seat:${GROUP}`)!)]);
    await seatHeading(bureau, BUREAU_NAME).waitFor({ timeout: 40_000 });
    await seatHeading(group, GROUP_NAME).waitFor({ timeout: 40_000 });
    for (const page of [bureau, group]) {
      await expect.poll(() => connection(page).textContent()).toContain('已连接');
      expect(await bodyText(page)).toContain('参演单位');
      // No seat to switch to (the picker gone, or empty): a link is one seat.
      const picker = page.getByRole('combobox', { name: '席位', exact: true });
      const others = (await picker.count()) === 0 ? [] : (await picker.getByRole('option').allTextContents()).filter((o) => o !== '— 切换席位 —');
      expect(others).toEqual([]);
    }
  }, TEST_MS);

  it('the facilitator starts the drill; the bureau gets its decision, the group does not see it', async () => {
    await controlButton(console_, '开始推演').click();
    await controlButton(console_, '暂停').waitFor();
    // The decision opens a minute into the drill: ten times faster until it is there, then back to real time.
    await console_.getByRole('group', { name: '快进' }).getByRole('button', { name: '10×', exact: true }).click();
    await pending(bureau).getByRole('heading', { name: '待决策 1' }).waitFor({ timeout: 60_000 });
    await console_.getByRole('group', { name: '快进' }).getByRole('button', { name: '1×', exact: true }).click();
    expect(await pending(bureau).textContent()).toContain(DECISION_PROMPT);
    await expect.poll(() => console_.getByRole('region', { name: /^各席位待决策/ }).textContent(), { timeout: 30_000 }).toContain(DECISION_PROMPT);
    await expect.poll(() => group.getByRole('region', { name: '推演状态' }).textContent(), { timeout: 30_000 }).toContain('进行中');
    const seen = await bodyText(group);
    expect(seen).not.toContain(DECISION_PROMPT);
    expect(seen).not.toContain(CHOSEN);
  }, TEST_MS);

  it("the bureau answers its decision and both seats report to the HQ; the console's log shows it all", async () => {
    const card = pending(bureau).getByRole('article').filter({ hasText: DECISION_PROMPT });
    await card.getByRole('checkbox', { name: CHOSEN }).check();
    await card.getByRole('button', { name: '提交决策', exact: true }).click();
    await accepted(bureau, BUREAU_NAME);
    await bureau.getByRole('region', { name: '已完成的决策 1' }).waitFor({ timeout: 30_000 });

    await reportToHq(bureau, BUREAU_REPORT);
    await reportToHq(group, GROUP_REPORT);

    const log = console_.getByRole('region', { name: '推演日志' });
    const row = (text: string) => log.getByRole('row').filter({ hasText: text });
    await expect.poll(() => log.textContent(), { timeout: 30_000 }).toContain(GROUP_REPORT);
    expect(await row(BUREAU_REPORT).textContent()).toContain(BUREAU_NAME);
    expect(await row(GROUP_REPORT).textContent()).toContain(GROUP_NAME);
    expect(await row(CHOSEN.slice(0, 6)).filter({ hasText: BUREAU_NAME }).count()).toBeGreaterThanOrEqual(1);
    await expect.poll(() => console_.getByRole('region', { name: /^已结束的决策/ }).textContent(), { timeout: 30_000 }).toContain(DECISION_PROMPT);
    // The facilitator's 评估人员 view shows the answer beside what the plan expects: control material.
    await console_.getByRole('banner').getByRole('combobox', { name: '席位', exact: true }).selectOption({ label: '评估人员' });
    await expect.poll(() => bodyText(console_), { timeout: 30_000 }).toContain('预案期望：');
    for (const text of [...EXPECTED, RUBRIC]) expect(await bodyText(console_)).toContain(text);
    await navButton(console_, '导调台').click();
    await controlButton(console_, '暂停').waitFor();
  }, TEST_MS);

  it("the facilitator pauses; neither seat sees the other's report to the HQ, the group sees no expected answer", async () => {
    await controlButton(console_, '暂停').click();
    await controlButton(console_, '继续').waitFor();
    // The pause comes after both reports in the log: a screen showing it has folded them.
    for (const page of [bureau, group]) await expect.poll(() => page.getByRole('region', { name: '推演状态' }).textContent(), { timeout: 30_000 }).toContain('已暂停');
    expect(await bodyText(bureau)).not.toContain(GROUP_REPORT);
    const seen = await bodyText(group);
    expect(seen).not.toContain(BUREAU_REPORT);
    expect(seen).not.toContain('预案期望');
    for (const text of [...EXPECTED, RUBRIC, PLAN_CLAUSE]) expect(seen).not.toContain(text);
    // Nor did it reach the other seat's browser at all; the console got all of it.
    expect(heard(GROUP)).toContain(GROUP_REPORT);
    expect(heard(GROUP)).not.toContain(BUREAU_REPORT);
    expect(heard(GROUP)).not.toContain(RUBRIC);
    expect(heard(BUREAU)).not.toContain(GROUP_REPORT);
    expect(heard(BUREAU)).not.toContain(RUBRIC);
    for (const text of [BUREAU_REPORT, GROUP_REPORT, RUBRIC]) expect(heard('console')).toContain(text);
  }, TEST_MS);

  it('the bureau reloads and comes back to its seat as it was', async () => {
    const state = bureau.getByRole('region', { name: '推演状态' });
    const before = { state: await state.textContent(), done: await bureau.getByRole('region', { name: /^已完成的决策/ }).textContent(), sent: await sent(bureau).textContent() };
    expect(before.done).toContain(CHOSEN);
    expect(before.sent).toContain(BUREAU_REPORT);

    await bureau.reload();
    await seatHeading(bureau, BUREAU_NAME).waitFor({ timeout: 40_000 });
    await expect.poll(() => connection(bureau).textContent()).toContain('已连接');
    await expect.poll(() => state.textContent(), { timeout: 30_000 }).toBe(before.state);
    expect(await bureau.getByRole('region', { name: /^已完成的决策/ }).textContent()).toBe(before.done);
    expect(await sent(bureau).textContent()).toBe(before.sent);
    expect(await pending(bureau).getByRole('heading').textContent()).toBe('待决策 0');
  }, TEST_MS);

  it("the log downloaded over REST verifies and holds each seat's command under its seat id", async () => {
    const refused = await fetch(`${server.url}/api/drills/${drill}/log`, { headers: { authorization: `Bearer ${links.get(`seat:${GROUP}`)!.split('join=')[1]}` } });
    expect(refused.status).toBe(403);
    const r = await fetch(`${server.url}/api/drills/${drill}/log`, { headers: { authorization: `Bearer ${server.hostKey}` } });
    expect(r.status).toBe(200);
    const parsed = parseLog(await r.text());
    if (!parsed.ok) throw new Error(`the downloaded log: line ${parsed.problem.line}: ${parsed.problem.message}`);
    expect(parsed.trust.kind).toBe('verified');
    expect(parsed.header.scenario).toBe('scenarios/haicheng-m5.8.yaml');
    const { log } = parsed;
    expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
    expect(log).toContainEqual(expect.objectContaining({ actor: BUREAU, event: expect.objectContaining({ type: 'answer', decision: 'd03-quake-consult' }) }));
    expect(log).toContainEqual(expect.objectContaining({ actor: BUREAU, event: expect.objectContaining({ type: 'report', text: BUREAU_REPORT }) }));
    expect(log).toContainEqual(expect.objectContaining({ actor: GROUP, event: expect.objectContaining({ type: 'report', text: GROUP_REPORT }) }));
    expect(log.filter((e) => e.actor === 'facilitator').map((e) => e.event.type)).toEqual(expect.arrayContaining(['start', 'pause']));
    expect(log.at(-1)).toMatchObject({ actor: 'facilitator', event: { type: 'pause' } });
    expect(errors).toEqual([]);
  }, TEST_MS);
});
