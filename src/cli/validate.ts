import { formatProblem, type Problem } from '../scenario/index.ts';
import type { Lang } from './lang.ts';
import { say } from './messages.ts';
import { readScenarioFile } from './scenario-file.ts';

/**
 * `quake-drill validate <file…> [--json]`: 0 when every file is valid, 1 otherwise; the problems in the
 * CLI's language, and after OK the notes of a file that loads but should change (a v1 file).
 */
export async function validate(args: string[], lang: Lang = 'en'): Promise<number> {
  const json = args.includes('--json');
  const files = args.filter((a) => a !== '--json');
  const unknownFlag = files.find((f) => f.startsWith('--'));
  if (files.length === 0 || unknownFlag) {
    console.error(unknownFlag ? `quake-drill validate: unknown option ${unknownFlag}` : 'usage: quake-drill validate <file…> [--json]');
    return 2;
  }
  const results: { file: string; ok: boolean; problems: Problem[]; notes: Problem[] }[] = [];
  for (const file of files) {
    const result = await readScenarioFile(file);
    const problems: Problem[] = result.ok ? [] : result.problems;
    results.push({ file, ok: problems.length === 0, problems, notes: (result.ok && result.notes) || [] });
  }
  if (json) console.log(JSON.stringify({ ok: results.every((r) => r.ok), files: results }, null, 2));
  else for (const r of results) console.log(r.ok ? [say(lang, 'ok', { file: r.file }), ...r.notes.map((p) => formatProblem(p, lang))].join('\n') : r.problems.map((p) => formatProblem(p, lang)).join('\n'));
  return results.every((r) => r.ok) ? 0 : 1;
}
