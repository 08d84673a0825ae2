// Global set-up of the browser tests: the app built once, as `npm run build` builds it, and served
// statically for every test file. The end-to-end tests play the production bundle users get; against
// Vite's dev server each file transformed the app afresh and ran lit-html's dev mode, and a drill's
// first screen took about three times as long (measured: start of a drill 4.0 s dev vs 1.3 s built).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview } from 'vite';
import type { TestProject } from 'vitest/node';
import { ROOT } from './launch.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built app (dist/ of `vite build`), for tests that serve it themselves (quake-drill serve). */
    appDir: string;
    /** Where it is served, with a trailing slash. */
    appUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const appDir = mkdtempSync(join(tmpdir(), 'quake-drill-e2e-app-'));
  const configFile = join(ROOT, 'vite.config.ts');
  await build({ root: ROOT, configFile, logLevel: 'error', build: { outDir: appDir, emptyOutDir: true } });
  const server = await preview({ root: ROOT, configFile, logLevel: 'error', build: { outDir: appDir }, preview: { host: '127.0.0.1', port: 0, strictPort: false } });
  const appUrl = server.resolvedUrls?.local[0];
  if (!appUrl) throw new Error('vite preview did not say where it listens');
  project.provide('appDir', appDir);
  project.provide('appUrl', appUrl);
  return async () => {
    await server.close();
    rmSync(appDir, { recursive: true, force: true });
  };
}
