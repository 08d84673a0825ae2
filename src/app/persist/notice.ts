// What to tell the facilitator about the saved drill, in the interface language.
import { downloadMessage } from '../download.ts';
import { drillTime } from '../format.ts';
import { t, type Lang } from '../i18n.ts';
import type { Restored } from './saved.ts';

/** The line to show after a restore (resumed, or why not); undefined when nothing was saved. */
export function restoreNotice(lang: Lang, restored: Restored): string | undefined {
  if (restored.kind === 'none') return undefined;
  if (restored.kind === 'failed' && restored.problem.part === 'download') return downloadMessage(lang);
  if (restored.kind === 'failed') {
    const { problem, quarantined } = restored;
    if (problem.part === 'storage') return t(lang, 'persist.failed.storage', { detail: problem.detail });
    // The key it is kept under is in the file offered for download, for whoever looks into it.
    return t(lang, quarantined?.key ? 'persist.failed.saved' : 'persist.failed.unkept', { detail: problem.detail });
  }
  // The drill's creation time (kept through reloads), as a local date and time, and the drill time (its running
  // clock, not the log time, which runs on through pauses) it is back at.
  const time = new Date(restored.meta.savedAt).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  const ended = restored.session.exercise.world.mode === 'debrief';
  return t(lang, ended ? 'persist.resumedEnded' : 'persist.resumed', { time, n: restored.session.exercise.log.length, clock: drillTime(restored.session.exercise.world.clock) });
}

/** The unreadable drill as a file the user can keep: exactly what was saved, and why it could not be read. */
export function unreadableFile(restored: Extract<Restored, { kind: 'failed' }>): { name: string; text: string } | undefined {
  if (!restored.quarantined) return undefined;
  const { key, drill } = restored.quarantined;
  const when = new Date(drill.at);
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${when.getFullYear()}${pad(when.getMonth() + 1)}${pad(when.getDate())}-${pad(when.getHours())}${pad(when.getMinutes())}`;
  return { name: `quake-drill-unreadable-${stamp}.json`, text: `${JSON.stringify({ key, ...drill }, null, 2)}\n` };
}
