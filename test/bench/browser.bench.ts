// The page's weight and speed: the gzipped JavaScript loaded before the first screen (the built
// entry and its static imports, target ≤ 320 kB) and the time from navigation start to the
// briefing's heading in headless Chromium, on the production build. Figures only, never asserted.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, preview } from 'vite';
import { CHROMIUM, hasChromium, launchChromium, ROOT } from '../browser/launch.ts';
import { stats } from './stats.ts';

export const FIRST_SCREEN_BUDGET_KB = 320;
const LOADS = 7;

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

export async function browserBench() {
  const outDir = mkdtempSync(join(tmpdir(), 'quake-drill-build-'));
  try {
    await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'silent', build: { outDir, emptyOutDir: true, manifest: true } });
    const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
    const files = firstScreenFiles(manifest);
    const size = (list: string[]) => {
      let raw = 0;
      let gz = 0;
      for (const f of list) {
        const bytes = readFileSync(join(outDir, f));
        raw += bytes.length;
        gz += gzipSync(bytes, { level: 9 }).length;
      }
      return { files: list.length, rawKB: kB(raw), gzipKB: kB(gz) };
    };
    const js = size(files.js);
    const bundle = { firstScreenJs: js, budgetKB: FIRST_SCREEN_BUDGET_KB, withinBudget: js.gzipKB <= FIRST_SCREEN_BUDGET_KB, css: size(files.css), lazyJs: size(files.lazy) };
    return { bundle, firstScreen: hasChromium() ? await firstScreenTimes(outDir) : 'skipped: no Chromium' };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** Navigation start → the briefing heading in the DOM, over cold loads (HTTP cache off) of the built page. */
async function firstScreenTimes(outDir: string) {
  const server = await preview({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'silent', build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false } });
  const url = server.resolvedUrls?.local[0];
  const browser = await launchChromium();
  try {
    if (!url) throw new Error('vite preview did not say where it listens');
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    // performance.now() counts from navigation start; the app may also set its own mark.
    // (A string: tsx compiles functions with name helpers that do not exist in the page.)
    await page.addInitScript(`
      new MutationObserver((_, observer) => {
        if (window.__firstScreen === undefined && document.querySelector('#scenario-title, main h1, h1')) {
          window.__firstScreen = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    `);
    const times: number[] = [];
    const marks: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForFunction('window.__firstScreen !== undefined', undefined, { timeout: 30_000 });
      times.push((await page.evaluate('window.__firstScreen')) as number);
      const mark = (await page.evaluate(`performance.getEntriesByName('quake-drill:first-screen')[0]?.startTime ?? null`)) as number | null;
      if (mark !== null) marks.push(mark);
    }
    return {
      chromium: execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(),
      loads: LOADS,
      firstLoadMs: Math.round(times[0]!),
      headingMs: stats(times.slice(1)),
      ...(marks.length ? { appMarkMs: stats(marks.slice(1)) } : {}),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
