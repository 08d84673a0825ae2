// The `quake-drill` bin starts the prebuilt bundle while it is current and runs the sources through
// tsx otherwise (issue 8 §4): the same output either way, and never a stale bundle.
import { mkdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUNDLE, BUNDLE_DIR, MANIFEST, currentBundle, stamp } from '../../src/cli/bundle.js';
import { ensureBundle } from '../../src/cli/build-bundle.js';
import { minimal, replaced } from '../scenario/helpers.ts';
import { HAICHENG, MINIMAL, ROOT, bin, quakeDrill, tempDir } from './helpers.ts';

const SOURCES = ['src/cli/main.ts', 'src/cli/terminal.ts', 'src/cli/run.ts'];

/**
 * A package of its own: the real launcher and bundle check; a stand-in bundle that says it is the
 * bundle (exit 4) and stand-in sources that say they are the sources (exit 3), run by the real tsx.
 */
function fakePackage() {
  const { dir } = tempDir();
  const at = (path: string) => join(dir, path);
  const write = (path: string, text: string) => {
    mkdirSync(join(at(path), '..'), { recursive: true });
    writeFileSync(at(path), text);
  };
  write('package.json', '{ "type": "module" }\n');
  for (const name of ['quake-drill.js', 'bundle.js']) write(`src/cli/${name}`, readFileSync(join(ROOT, 'src/cli', name), 'utf8'));
  write('src/cli/main.ts', "export async function main(args: string[]): Promise<number> {\n  console.log(`sources ${args.join(' ')}`);\n  return 3;\n}\n");
  write('src/cli/terminal.ts', 'export function guardOutput(_stream: unknown): void {}\n');
  write('src/cli/run.ts', 'export const run = 1;\n');
  mkdirSync(at('node_modules'));
  symlinkSync(join(ROOT, 'node_modules/tsx'), at('node_modules/tsx'));
  const bundle = `${BUNDLE_DIR}/${BUNDLE}`;
  write(bundle, "export function guardOutput() {}\nexport async function main(args) {\n  console.log(`bundle ${args.join(' ')}`);\n  return 4;\n}\n");
  write(`${BUNDLE_DIR}/${MANIFEST}`, JSON.stringify({ bundle: stamp(at(bundle)), inputs: Object.fromEntries(SOURCES.map((p) => [p, stamp(at(p))])) }));
  const start = (args: string[], env: Record<string, string> = {}) => bin(args, { cwd: dir, env, launcher: at('src/cli/quake-drill.js') });
  return { dir, at, bundle: at(bundle), start };
}

describe('the bundle is current only while every file it was built from is as it was', () => {
  it('current as built: its URL', () => {
    const pkg = fakePackage();
    expect(currentBundle(pkg.dir)).toBe(pathToFileURL(pkg.bundle).href);
  });

  it('stale when a source changes size, or only its mtime (an edit of the same length), or goes', () => {
    const grown = fakePackage();
    writeFileSync(grown.at('src/cli/run.ts'), 'export const run = 10;\n');
    expect(currentBundle(grown.dir)).toBeUndefined();
    const touched = fakePackage();
    utimesSync(touched.at('src/cli/run.ts'), new Date('2026-01-01T00:00:00Z'), new Date('2026-01-01T00:00:00Z'));
    expect(currentBundle(touched.dir)).toBeUndefined();
    const gone = fakePackage();
    rmSync(gone.at('src/cli/run.ts'));
    expect(currentBundle(gone.dir)).toBeUndefined();
  });

  it('stale when the bundle itself was replaced, or its manifest is missing, empty or unreadable', () => {
    const replacedBundle = fakePackage();
    writeFileSync(replacedBundle.bundle, 'export const main = 0;\n');
    expect(currentBundle(replacedBundle.dir)).toBeUndefined();
    for (const manifest of [undefined, '', '{"inputs":{}}', '{ "bundle": ']) {
      const pkg = fakePackage();
      const path = pkg.at(`${BUNDLE_DIR}/${MANIFEST}`);
      if (manifest === undefined) rmSync(path);
      else writeFileSync(path, manifest.includes('inputs') ? JSON.stringify({ ...JSON.parse(readFileSync(path, 'utf8')), inputs: {} }) : manifest);
      expect(currentBundle(pkg.dir), String(manifest)).toBeUndefined();
    }
  });
});

/**
 * What the real bin prints for each command while the bundle is current throughout: built first if
 * stale, and run again if a source changed meanwhile (someone editing while the tests run).
 */
async function throughTheBundle(commands: string[][]) {
  const manifest = () => readFileSync(join(ROOT, BUNDLE_DIR, MANIFEST), 'utf8');
  for (let attempt = 1; ; attempt++) {
    const url = await ensureBundle();
    const before = manifest();
    const results = [];
    for (const args of commands) results.push(await bin(args));
    if (currentBundle() === url && manifest() === before) return results;
    if (attempt === 3) throw new Error('the sources kept changing while the bundle ran: it could not be checked');
  }
}

describe('the launcher', () => {
  it('starts the bundle while it is current, and the sources through tsx once a source changed or QUAKE_DRILL_TSX is set', async () => {
    const pkg = fakePackage();
    expect(await pkg.start(['--help'])).toEqual({ code: 4, stdout: 'bundle --help\n', stderr: '' });
    const forced = await pkg.start(['validate', 'x.yaml'], { QUAKE_DRILL_TSX: '1' });
    writeFileSync(pkg.at('src/cli/run.ts'), 'export const run = 2;\n');
    const stale = await pkg.start(['run', 'x.yaml']);
    expect(forced).toEqual({ code: 3, stdout: 'sources validate x.yaml\n', stderr: '' });
    expect(stale).toEqual({ code: 3, stdout: 'sources run x.yaml\n', stderr: '' });
  });

  it('the real bundle prints what the sources print, byte for byte: help, validate, run, report, estimate', async () => {
    const { dir, file } = tempDir();
    const good = file('good.yaml', minimal());
    const bad = file('bad.yaml', replaced('owner: fire-rescue', 'owner: fire-brigade'));
    const log = join(dir, 'drill.jsonl');
    const commands = [
      ['--help'],
      ['validate', good, bad],
      ['run', MINIMAL, '--seed', '3', '--out', log],
      ['report', log, '--format', 'md'],
      ['estimate', HAICHENG, '--json'],
      ['frobnicate'],
    ];
    const fromBundle = await throughTheBundle(commands);
    const fromSources = [];
    for (const args of commands) fromSources.push(await quakeDrill(args));
    expect(fromBundle).toEqual(fromSources);
    expect(fromBundle.map((r) => r.code)).toEqual([0, 1, 0, 0, 0, 2]);
    expect(fromBundle[2]!.stderr).toBe(`wrote ${log} (${readFileSync(log, 'utf8').trimEnd().split('\n').length - 1} entries)\n`);
  }, 120_000); // a build first when a source changed, then six starts of node
});
