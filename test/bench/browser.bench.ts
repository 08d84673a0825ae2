// The page's weight and speed: the gzipped JavaScript loaded before the first screen (the built
// entry and its static imports, target ≤ 160 KiB) and first visits in headless Chromium to the
// briefing's heading and the map's first paint, on the production build. Figures only, never asserted.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, preview } from 'vite';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, hasChromium, ROOT } from '../browser/launch.ts';
import { stats } from './stats.ts';

/** Issue 8: the entry and its static imports, gzip -9. */
export const FIRST_SCREEN_BUDGET_KB = 160;
const LOADS = 20;

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  isEntry?: boolean;
}

/** The entry's chunk and every chunk it imports statically, transitively (what the page fetches before it runs). */
export function firstScreenFiles(manifest: Record<string, ManifestChunk>, entry = 'index.html'): { js: string[]; css: string[]; lazy: string[] } {
  const js = new Set<string>();
  const css = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the build manifest has no '${key}'`);
    js.add(chunk.file);
    chunk.css?.forEach((c) => css.add(c));
    chunk.imports?.forEach(visit);
  };
  visit(entry);
  const lazy = Object.values(manifest).map((c) => c.file).filter((f) => f.endsWith('.js') && !js.has(f));
  return { js: [...js], css: [...css], lazy };
}

const kB = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

/** Raw and gzip -9 KiB of built files (paths relative to the build folder). */
function gzSize(outDir: string, list: string[]) {
  let raw = 0;
  let gz = 0;
  for (const f of list) {
    const bytes = readFileSync(join(outDir, f));
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: list.length, rawKB: kB(raw), gzipKB: kB(gz) };
}

export async function browserBench() {
  const outDir = mkdtempSync(join(tmpdir(), 'quake-drill-build-'));
  try {
    await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'silent', build: { outDir, emptyOutDir: true, manifest: true } });
    const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
    const files = firstScreenFiles(manifest);
    const size = (list: string[]) => gzSize(outDir, list);
    const js = size(files.js);
    const bundle = { firstScreenJs: js, budgetKB: FIRST_SCREEN_BUDGET_KB, withinBudget: js.gzipKB <= FIRST_SCREEN_BUDGET_KB, css: size(files.css), lazyJs: size(files.lazy) };
    return { bundle, firstScreen: hasChromium() ? await firstScreenTimes(outDir) : 'skipped: no Chromium' };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/**
 * First visits: each load in a fresh browser context (empty cache and storage) of the built page,
 * from navigation start to the briefing's heading and to the map's first painted frame (the map
 * view's 'quake-drill:map-first-paint' mark), on Debian's Chromium.
 */
async function firstScreenTimes(outDir: string) {
  const server = await preview({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'silent', build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false } });
  const url = server.resolvedUrls?.local[0];
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    if (!url) throw new Error('vite preview did not say where it listens');
    const heading: number[] = [];
    const mapPaint: number[] = [];
    const appMark: number[] = [];
    let fetched: string[] = [];
    for (let i = 0; i < LOADS; i++) {
      const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      // A string: tsx compiles functions with name helpers that do not exist in the page.
      await page.addInitScript(`
        new MutationObserver((_, observer) => {
          if (window.__firstScreen === undefined && document.querySelector('#scenario-title, main h1, h1')) {
            window.__firstScreen = performance.now();
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      `);
      await page.goto(url, { waitUntil: 'load' });
      const paint = `performance.getEntriesByName('quake-drill:map-first-paint')[0]?.startTime`;
      await page.waitForFunction(`${paint} !== undefined && window.__firstScreen !== undefined`, undefined, { timeout: 60_000 });
      heading.push((await page.evaluate('window.__firstScreen')) as number);
      mapPaint.push((await page.evaluate(paint)) as number);
      if (i === 0) fetched = (await page.evaluate(`performance.getEntriesByType('resource').filter((e) => e.startTime <= window.__firstScreen).map((e) => new URL(e.name).pathname)`)) as string[];
      const mark = (await page.evaluate(`performance.getEntriesByName('quake-drill:first-screen')[0]?.startTime ?? null`)) as number | null;
      if (mark !== null) appMark.push(mark);
      await context.close();
    }
    return {
      chromium: execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(),
      firstVisits: LOADS,
      /** Everything the page fetched before the briefing's heading (scripts, data, styles), gzip -9. */
      fetchedBeforeHeading: gzSize(outDir, fetched.filter((f) => f !== '/').map((f) => f.slice(1))),
      headingMs: stats(heading),
      mapFirstPaintMs: stats(mapPaint),
      ...(appMark.length ? { appMarkMs: stats(appMark) } : {}),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
