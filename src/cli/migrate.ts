// `quake-drill migrate <file…> [--check] [--out dir]`: rewrites v1 scenario files as v2, keeping every
// comment and line. The original is never lost: a file that does not load is left untouched with its
// problems at file:line:col; the new text is checked with the loader before anything is written (it
// must read as exactly the scenario the v1 file did), written beside as a temporary file and renamed
// over the original only once it is complete, the original kept as <file>.v1.bak.
import { chmod, mkdir, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { formatProblem, loadScenario, migrateText, type Problem } from '../scenario/index.ts';
import { fill } from './messages.ts';
import type { Lang } from './lang.ts';
import { besideFile } from './read-beside.ts';
import { readText } from './read-text.ts';
import { SCENARIO_FILE } from './scenario-file.ts';

const USAGE = 'usage: quake-drill migrate <file…> [--check] [--out <folder>] [--lang zh|en]';

const WORDS = {
  zh: {
    migrated: '已升级 {file} → {target}（第 2 版格式）',
    backup: '  原文件保存为 {backup}（确认无误后可删除）',
    current: '{file}：已是第 2 版格式，无需升级',
    needs: '{file}：第 1 版格式，需要升级（npx quake-drill migrate {file}）',
    kept: '{file}：未升级——请先改正以上问题再运行 migrate；原文件未改动',
    selfCheck: '{file}：升级后的文本与原文件读出的情景不一致（程序错误，请报告）；原文件未改动',
    backupExists: '{file}：备份文件 {backup} 已存在；请先移走它；原文件未改动',
    writeFailed: '{file}：无法写入 {target}（{reason}）；原文件未改动',
    outExists: '{file}：{target} 已存在，不会覆盖；请先移走它或换一个文件夹；原文件未改动',
  },
  en: {
    migrated: 'migrated {file} → {target} (format v2)',
    backup: '  the original is kept as {backup} (delete it once you are satisfied)',
    current: '{file}: already format v2, nothing to do',
    needs: '{file}: format v1, needs migrating (npx quake-drill migrate {file})',
    kept: '{file}: not migrated — fix the problems above, then run migrate again; the file is unchanged',
    selfCheck: '{file}: the migrated text does not read as the scenario the file holds (a bug: please report it); the file is unchanged',
    backupExists: '{file}: the backup {backup} already exists; move it away first; the file is unchanged',
    writeFailed: '{file}: cannot write {target} ({reason}); the file is unchanged',
    outExists: '{file}: {target} already exists and is not overwritten; move it away or choose another folder; the file is unchanged',
  },
} as const;

type Words = (typeof WORDS)['en'];
const say = (lang: Lang, key: keyof Words, vars: Record<string, string>) => fill(WORDS[lang][key], vars);

/** What happened to one file: it was (or, with --check, would be) migrated, was current, or failed. */
type Outcome = 'migrated' | 'current' | 'failed';

export async function migrate(args: string[], lang: Lang = 'en'): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { check: { type: 'boolean' }, out: { type: 'string' } } });
  } catch (e) {
    console.error(`quake-drill migrate: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const { positionals: files, values } = parsed;
  if (files.length === 0) {
    console.error(`quake-drill migrate: name the scenario files to migrate\n${USAGE}`);
    return 2;
  }
  // --check writes nothing, not even the folder.
  if (values.out !== undefined && !values.check) {
    try {
      await mkdir(values.out, { recursive: true });
    } catch {
      console.error(`quake-drill migrate: --out names a folder, and '${values.out}' is not one (nor can it be made)\n${USAGE}`);
      return 2;
    }
  }
  const outcomes: Outcome[] = [];
  for (const file of files) outcomes.push(await migrateFile(file, { check: values.check === true, out: values.out }, lang));
  // --check is for CI: a file still at v1 fails it as a problem would.
  return outcomes.every((o) => o === 'current' || (o === 'migrated' && !values.check)) ? 0 : 1;
}

async function migrateFile(file: string, { check, out }: { check: boolean; out: string | undefined }, lang: Lang): Promise<Outcome> {
  const problems = (ps: Problem[]) => console.error(ps.map((p) => formatProblem(p, lang)).join('\n'));
  const read = await readText(file, SCENARIO_FILE);
  if (!read.ok) {
    problems([{ file, path: [], rule: 'read', ...read.problem }]);
    console.error(say(lang, 'kept', { file }));
    return 'failed';
  }
  const options = { readBeside: besideFile(file) };
  const before = loadScenario(read.text, file, options);
  if (!before.ok) {
    problems(before.problems);
    console.error(say(lang, 'kept', { file }));
    return 'failed';
  }
  if (!before.notes?.some((n) => n.rule === 'format-v1')) {
    console.log(say(lang, 'current', { file }));
    return 'current';
  }
  if (check) {
    console.log(say(lang, 'needs', { file }));
    return 'migrated';
  }

  const text = migrateText(read.text);
  const after = loadScenario(text, file, options);
  if (!after.ok || after.notes?.some((n) => n.rule === 'format-v1') || JSON.stringify(after.scenario) !== JSON.stringify(before.scenario)) {
    if (!after.ok) problems(after.problems);
    console.error(say(lang, 'selfCheck', { file }));
    return 'failed';
  }

  // In place, the rename replaces the file a link points at, not the link; `--out` naming the file's own
  // folder is in place too (and keeps the backup).
  const original = await realpath(file);
  const elsewhere = out === undefined ? undefined : join(out, basename(file));
  const target = elsewhere === undefined || (await realpath(elsewhere).catch(() => elsewhere)) === original ? original : elsewhere;
  const backup = target === original ? `${file}.v1.bak` : undefined;
  if (target !== original && (await stat(target).then(() => true, () => false))) {
    console.error(say(lang, 'outExists', { file, target }));
    return 'failed';
  }
  const written = await replaceFile(target, text, backup === undefined ? undefined : { path: backup, text: read.text });
  if (written !== 'ok') {
    console.error(written === 'backup-exists' ? say(lang, 'backupExists', { file, backup: backup! }) : say(lang, 'writeFailed', { file, target, reason: written.reason }));
    return 'failed';
  }
  console.log(say(lang, 'migrated', { file, target: target === original ? file : target }));
  if (backup) console.log(say(lang, 'backup', { backup }));
  return 'migrated';
}

/**
 * Writes `text` to `target` so that a reader sees the old file or the new one, never half of either:
 * the backup first (never over an earlier one), then a temporary file beside the target, read back to
 * check it is complete, renamed over the target with the target's permissions.
 */
async function replaceFile(target: string, text: string, backup: { path: string; text: string } | undefined): Promise<'ok' | 'backup-exists' | { reason: string }> {
  const temp = join(dirname(target), `.${basename(target)}.migrate-${process.pid}.tmp`);
  if (backup) {
    try {
      await writeFile(backup.path, backup.text, { flag: 'wx' });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return code === 'EEXIST' ? 'backup-exists' : { reason: code ?? (e as Error).message };
    }
  }
  try {
    const mode = await stat(target).then((s) => s.mode, () => undefined);
    await writeFile(temp, text, { flag: 'wx' });
    if (mode !== undefined) await chmod(temp, mode);
    if ((await readFile(temp, 'utf8')) !== text) throw new Error('the temporary file did not read back as written');
    await rename(temp, target);
    return 'ok';
  } catch (e) {
    await rm(temp, { force: true });
    // The original is still in place: a backup of it would only stop the next attempt.
    if (backup) await rm(backup.path, { force: true });
    return { reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message };
  }
}
