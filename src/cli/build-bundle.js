// Builds the prebuilt CLI (node_modules/.cache/quake-drill/cli.mjs) with esbuild, and beside it the
// list of the files it was built from with their sizes and mtimes, which the launcher checks on
// every start (bundle.js). `npm install` / `npm ci` run this as "prepare"; `npm run build:cli` by hand.
// tsx compiles the same sources at every start: ≈ 0.8 s of CPU against ≈ 0.2 s for the bundle (issue 8).
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { threadId } from 'node:worker_threads';
import { BUNDLE, BUNDLE_DIR, MANIFEST, ROOT, currentBundle, stamp } from './bundle.js';

/** The bundle's entry: what the launcher takes from it. */
const ENTRY = 'src/cli/bundle-entry.ts';

/**
 * Builds the bundle and its manifest into `root`/node_modules/.cache/quake-drill.
 * @param {string} [root]
 * @returns {Promise<{ bundle: string, inputs: number, bytes: number }>}
 */
export async function buildBundle(root = ROOT) {
  const { build } = await import('esbuild');
  const dir = join(root, BUNDLE_DIR);
  mkdirSync(dir, { recursive: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: [ENTRY],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    outfile: join(dir, BUNDLE),
    metafile: true,
    // Names as in the sources: a class or function name may reach the output (as tsx leaves them).
    keepNames: true,
    legalComments: 'none',
    logLevel: 'warning',
    // `serve` loads these from node_modules: native binaries (libsql), packages that read their own files
    // at run time (vite), and the server's deps no other command needs to parse at start.
    external: ['socket.io', 'libsql', 'ioredis', '@socket.io/*', 'vite'],
    // Bundled dependencies (yaml, zod, xstate) may still call require() for Node built-ins.
    banner: { js: "import { createRequire as __qdCreateRequire } from 'node:module'; const require = __qdCreateRequire(import.meta.url);" },
  });
  const bundle = join(dir, BUNDLE);
  const manifest = join(dir, MANIFEST);
  // The manifest goes first and comes back last: a start in between sees no manifest and uses tsx.
  rmSync(manifest, { force: true });
  // Written aside and renamed into place: a start never reads half a file. Test workers building at
  // once share a pid, not a thread.
  const aside = (/** @type {string} */ path) => `${path}.${process.pid}-${threadId}.tmp`;
  const code = result.outputFiles[0].contents;
  writeFileSync(aside(bundle), code);
  renameSync(aside(bundle), bundle);
  /** @type {Record<string, import('./bundle.js').Stamp>} */
  const inputs = {};
  // This script decides what the bundle is: a change to it makes the bundle stale too.
  const sources = [...Object.keys(result.metafile.inputs), relative(root, fileURLToPath(import.meta.url))];
  for (const path of sources) {
    const s = stamp(join(root, path));
    if (!s) throw new Error(`build-bundle: ${path} went missing during the build`);
    inputs[path] = s;
  }
  writeFileSync(aside(manifest), JSON.stringify({ bundle: stamp(bundle), inputs }, null, 1));
  renameSync(aside(manifest), manifest);
  return { bundle, inputs: sources.length, bytes: code.length };
}

/**
 * Builds only when the bundle is missing or stale; the bundle's URL either way. (A source edited
 * during the build leaves it stale: the launcher then runs the sources, as it should.)
 * @param {string} [root]
 * @returns {Promise<string>}
 */
export async function ensureBundle(root = ROOT) {
  return currentBundle(root) ?? pathToFileURL((await buildBundle(root)).bundle).href;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { bundle, inputs, bytes } = await buildBundle();
  console.log(`quake-drill: built ${relative(process.cwd(), bundle)} (${Math.round(bytes / 1024)} KiB from ${inputs} files)`);
}
