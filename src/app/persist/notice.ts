// What to tell the facilitator about the saved drill, in the interface language.
import { downloadMessage } from '../download.ts';
import { t, type Lang } from '../i18n.ts';
import type { Restored } from './saved.ts';

/** The line to show after a restore (resumed, or why not); undefined when nothing was saved. */
export function restoreNotice(lang: Lang, restored: Restored): string | undefined {
  if (restored.kind === 'none') return undefined;
  if (restored.kind === 'failed' && restored.problem.part === 'download') return downloadMessage(lang);
  if (restored.kind === 'failed') {
    return t(lang, restored.problem.part === 'storage' ? 'persist.failed.storage' : 'persist.failed.saved', { detail: restored.problem.detail });
  }
  const time = new Date(restored.meta.savedAt).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' });
  const ended = restored.session.exercise.world.mode === 'debrief';
  return t(lang, ended ? 'persist.resumedEnded' : 'persist.resumed', { time, n: restored.session.exercise.log.length });
}

/** Asks before a new drill replaces the saved one (window.confirm; injectable for tests). */
export function confirmNewDrill(lang: Lang, ask: (message: string) => boolean = (m) => window.confirm(m)): boolean {
  return ask(t(lang, 'persist.confirmNew'));
}
