// `quake-drill migrate`: the v1 fixtures rewritten in place or into --out, the original kept; a file
// that cannot be migrated is left byte for byte as it was, with its problems at file:line:col.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { quakeDrill as command, tempDir } from './helpers.ts';

const quakeDrill = (...args: string[]) => command(args);
const fixture = (name: string) => readFileSync(new URL(`../fixtures/migrate/${name}`, import.meta.url), 'utf8');
const V1 = fixture('minimal.v1.yaml');
const V2 = fixture('minimal.v2.yaml');

describe('quake-drill migrate', () => {
  it('rewrites a v1 file in place as the hand-written v2 text, keeping the original as <file>.v1.bak', async () => {
    const { dir, file } = tempDir();
    const drill = file('drill.yaml', V1);
    const r = await quakeDrill('migrate', drill, '--lang', 'en');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`migrated ${drill} → ${drill} (format v2)\n  the original is kept as ${drill}.v1.bak (delete it once you are satisfied)\n`);
    expect(readFileSync(drill, 'utf8')).toBe(V2);
    expect(readFileSync(`${drill}.v1.bak`, 'utf8')).toBe(V1);
    // No temporary file is left behind.
    expect(readdirSync(dir).sort()).toEqual(['drill.yaml', 'drill.yaml.v1.bak']);
  });

  it('several files at once, the layout fixture among them; a second run has nothing to do', async () => {
    const { file } = tempDir();
    const a = file('a.yaml', V1);
    const b = file('b.yaml', fixture('layout.v1.yaml'));
    expect((await quakeDrill('migrate', a, b)).code).toBe(0);
    expect(readFileSync(b, 'utf8')).toBe(fixture('layout.v2.yaml'));
    const again = await quakeDrill('migrate', a, b, '--lang', 'en');
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(`${a}: already format v2, nothing to do\n${b}: already format v2, nothing to do\n`);
    expect(readFileSync(`${a}.v1.bak`, 'utf8')).toBe(V1);
  });

  it('--out writes into a folder (made when missing) and leaves the original (and no backup) where it was', async () => {
    const { dir, file } = tempDir();
    const drill = file('drill.yaml', V1);
    const out = join(dir, 'v2');
    const r = await quakeDrill('migrate', drill, '--out', out, '--lang', 'en');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`migrated ${drill} → ${join(out, 'drill.yaml')} (format v2)\n`);
    expect(readFileSync(join(out, 'drill.yaml'), 'utf8')).toBe(V2);
    expect(readFileSync(drill, 'utf8')).toBe(V1);
    expect(readdirSync(dir).sort()).toEqual(['drill.yaml', 'v2']);
  });

  it('--out never overwrites a file already there; --out naming the file\'s own folder migrates in place, with the backup', async () => {
    const { dir, file } = tempDir();
    const drill = file('drill.yaml', V1);
    const out = join(dir, 'v2');
    mkdirSync(out);
    writeFileSync(join(out, 'drill.yaml'), 'someone else\'s file');
    const refused = await quakeDrill('migrate', drill, '--out', out, '--lang', 'en');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(`${drill}: ${join(out, 'drill.yaml')} already exists and is not overwritten; move it away or choose another folder; the file is unchanged\n`);
    expect(readFileSync(join(out, 'drill.yaml'), 'utf8')).toBe('someone else\'s file');
    const own = await quakeDrill('migrate', drill, '--out', dir, '--lang', 'en');
    expect(own.code, own.stderr).toBe(0);
    expect(readFileSync(drill, 'utf8')).toBe(V2);
    expect(readFileSync(`${drill}.v1.bak`, 'utf8')).toBe(V1);
  });

  it('--check changes nothing: exit 1 while a file is still v1, 0 once all are v2', async () => {
    const { file } = tempDir();
    const old = file('old.yaml', V1);
    const current = file('current.yaml', V2);
    const r = await quakeDrill('migrate', '--check', old, current, '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`${old}: format v1, needs migrating (npx quake-drill migrate ${old})\n${current}: already format v2, nothing to do\n`);
    expect(readFileSync(old, 'utf8')).toBe(V1);
    expect((await quakeDrill('migrate', '--check', current)).code).toBe(0);
  });

  it.each([
    ['broken-not-yaml.v1.yaml', ':16:3: Flow sequence in block collection must be sufficiently indented and end with a ]'],
    ['broken-error.v1.yaml', ':53:21: expected number, found "fast"'],
    ['broken-future.v3.yaml', ':3:9: this file is format version 3; this Quake Drill reads versions 1 and 2\n  hint: a newer Quake Drill wrote it: open it with that release or a later one'],
  ])('%s is left untouched, with its problem at file:line:col and why', async (name, problem) => {
    const { dir, file } = tempDir();
    const text = fixture(name);
    const drill = file(name, text);
    const r = await quakeDrill('migrate', drill, '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${drill}${problem}\n`);
    expect(r.stderr.endsWith(`${drill}: not migrated — fix the problems above, then run migrate again; the file is unchanged\n`)).toBe(true);
    expect(readFileSync(drill, 'utf8')).toBe(text);
    expect(readdirSync(dir)).toEqual([name]);
  });

  it('one bad file does not stop the others; the exit status says something failed', async () => {
    const { file } = tempDir();
    const bad = file('bad.yaml', fixture('broken-error.v1.yaml'));
    const good = file('good.yaml', V1);
    const r = await quakeDrill('migrate', bad, good);
    expect(r.code).toBe(1);
    expect(readFileSync(good, 'utf8')).toBe(V2);
  });

  it('an earlier backup is never overwritten: the file stays v1 and says why', async () => {
    const { file } = tempDir();
    const drill = file('drill.yaml', V1);
    writeFileSync(`${drill}.v1.bak`, 'an older backup');
    const r = await quakeDrill('migrate', drill, '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`${drill}: the backup ${drill}.v1.bak already exists; move it away first; the file is unchanged\n`);
    expect(readFileSync(drill, 'utf8')).toBe(V1);
    expect(readFileSync(`${drill}.v1.bak`, 'utf8')).toBe('an older backup');
  });

  it('speaks Chinese with --lang zh', async () => {
    const { file } = tempDir();
    const drill = file('drill.yaml', V1);
    const r = await quakeDrill('migrate', drill, '--lang', 'zh');
    expect(r.stdout).toBe(`已升级 ${drill} → ${drill}（第 2 版格式）\n  原文件保存为 ${drill}.v1.bak（确认无误后可删除）\n`);
  });

  it('wrong usage exits 2: no file, an --out that is a file, an unknown option', async () => {
    const { file } = tempDir();
    const drill = file('drill.yaml', V1);
    expect((await quakeDrill('migrate')).code).toBe(2);
    const notFolder = await quakeDrill('migrate', drill, '--out', drill);
    expect(notFolder.code).toBe(2);
    expect(notFolder.stderr).toContain(`--out names a folder, and '${drill}' is not one (nor can it be made)`);
    expect((await quakeDrill('migrate', drill, '--force')).code).toBe(2);
    expect(readFileSync(drill, 'utf8')).toBe(V1);
  });
});
