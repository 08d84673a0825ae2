// One drill, one writer, end to end in Debian's Chromium (issue 9 §3): tab A starts the default drill;
// tab B, opened mid-drill in the same browser (same origin, same IndexedDB), follows it read-only and
// shows the same log; a reload of A loses nothing (its log after the reload begins with exactly the
// log it had, and the saved log is that); B takes over and A stops writing, following B. The logs are
// compared as exported (the 导出推演记录 file) and as saved in IndexedDB. Skipped where Chromium is not installed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, launchChromium, resultPath, type Browser } from '../browser/launch.ts';
import { appUrl } from '../browser/app.ts';
import { exportedLog, savedLog, controlButton } from './drill-log.ts';

const FOLLOWING = '本推演正在另一个标签页中进行（只读跟随）。';
const TAKEN = '另一个标签页已接管本推演，本标签页停止记录，转为只读跟随。';

describe.skipIf(!hasChromium())('two tabs on one drill, end to end', () => {
  let browser: Browser;
  let a: Page;
  let b: Page;
  const errors: string[] = [];

  const open = async () => {
    const page = await browser.context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
    await page.goto(appUrl());
    return page;
  };

  beforeAll(async () => {
    browser = await launchChromium();
    a = await open();
    await a.locator('h1').first().waitFor({ timeout: 40_000 });
  }, 50_000);

  afterAll(async () => {
    await browser?.close();
  });

  const banner = (page: Page) => page.locator('.follower-banner');

  it('tab A starts the drill and plays a little', async () => {
    await a.getByRole('button', { name: '开始推演', exact: true }).first().click();
    await controlButton(a, '暂停').click();
    await controlButton(a, '继续').click();
    await a.locator('select[aria-label$="的操作方"]').first().selectOption({ index: 1 });
    await expect.poll(async () => (await savedLog(a)).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(4);
  }, 90_000);

  it('tab B opened mid-drill follows it read-only, showing the same log, live', async () => {
    b = await open();
    await expect.poll(() => banner(b).textContent(), { timeout: 30_000 }).toContain(FOLLOWING);
    await expect.poll(() => controlButton(b, '暂停').isDisabled(), { timeout: 10_000 }).toBe(true);
    await b.screenshot({ path: resultPath('two-tabs-follower.png') });
    expect((await exportedLog(b, 'two-tabs-b.jsonl')).log).toEqual((await exportedLog(a, 'two-tabs-a.jsonl')).log);

    // A pauses; B shows it within a moment, without writing anything.
    await controlButton(a, '暂停').click();
    await expect.poll(() => controlButton(b, '继续').count(), { timeout: 10_000 }).toBe(1);
    const inA = (await exportedLog(a, 'two-tabs-a2.jsonl')).log;
    expect((await exportedLog(b, 'two-tabs-b2.jsonl')).log).toEqual(inA);
    expect(await savedLog(b)).toEqual(inA);
  }, 150_000);

  it('a reload of A loses nothing: its log after the reload begins with exactly the log it had', async () => {
    await controlButton(a, '继续').click();
    await controlButton(a, '暂停').waitFor();
    const before = await exportedLog(a, 'two-tabs-before-reload.jsonl');
    // Longer than a heartbeat, so the time the reload comes back at is at least the export's.
    await a.waitForTimeout(1_500);
    await a.reload();
    await controlButton(a, '继续').waitFor({ timeout: 30_000 });
    expect(await banner(a).count()).toBe(0); // A holds the drill again; B still follows
    const after = await exportedLog(a, 'two-tabs-after-reload.jsonl');
    expect(after.log.slice(0, before.log.length)).toEqual(before.log);
    // It was running: it comes back paused, at no earlier time than the export said.
    expect(after.log.length).toBe(before.log.length + 1);
    expect(after.log.at(-1)).toMatchObject({ actor: 'facilitator', event: { type: 'pause' } });
    expect(after.log.at(-1)!.t).toBeGreaterThanOrEqual(before.header.until ?? 0);
    await expect.poll(() => savedLog(a), { timeout: 10_000 }).toEqual(after.log);
    await expect.poll(async () => (await exportedLog(b, 'two-tabs-b-after-reload.jsonl')).log, { timeout: 10_000 }).toEqual(after.log);
  }, 150_000);

  it('B takes over: A stops writing and follows; B goes on from the log as saved', async () => {
    const inA = (await exportedLog(a, 'two-tabs-a-before-takeover.jsonl')).log;
    await b.getByRole('button', { name: '接管', exact: true }).click();
    await expect.poll(() => banner(b).count(), { timeout: 30_000 }).toBe(0);
    await expect.poll(() => banner(a).textContent(), { timeout: 10_000 }).toContain(TAKEN);
    expect(await controlButton(a, '继续').isDisabled()).toBe(true);
    await a.screenshot({ path: resultPath('two-tabs-taken-over.png') });

    // B plays on; the saved log is B's, an exact extension of A's; A follows it.
    await controlButton(b, '继续').click();
    await controlButton(b, '暂停').click();
    const inB = (await exportedLog(b, 'two-tabs-b-after-takeover.jsonl')).log;
    expect(inB.slice(0, inA.length)).toEqual(inA);
    expect(inB.length).toBe(inA.length + 2);
    await expect.poll(() => savedLog(b), { timeout: 10_000 }).toEqual(inB);
    await expect.poll(async () => (await exportedLog(a, 'two-tabs-a-following.jsonl')).log, { timeout: 10_000 }).toEqual(inB);
    expect(errors).toEqual([]);
  }, 150_000);
});
