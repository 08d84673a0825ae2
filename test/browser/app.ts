// The app as built by the browser tests' global set-up (built-app.ts), open in a fresh Chromium.
import { inject } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, type Browser } from './launch.ts';

/** The built app's address (served once for the whole browser project), with a trailing slash. */
export const appUrl = (): string => inject('appUrl');

export interface AppInBrowser {
  url: string;
  browser: Browser;
  page: Page;
  /** What the page threw or logged with console.error, in order: an end-to-end test expects none. */
  errors: string[];
  close(): Promise<void>;
}

/** Chromium with the app open in a page, its first screen shown. */
export async function openApp(options: { viewport?: { width: number; height: number } } = {}): Promise<AppInBrowser> {
  const url = appUrl();
  const browser = await launchChromium(options);
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
  await page.goto(url);
  await page.locator('h1').first().waitFor({ timeout: 40_000 });
  return { url, browser, page, errors, close: () => browser.close() };
}
