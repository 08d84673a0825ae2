// A new decision announces itself (issue 9 §2): on the seat's screen a banner, in a polite live
// region, names the decisions opened since the seat last acknowledged them, and the browser tab's
// title says so too; a short beep only when the user has turned the sound on (off by default). The
// beep is made with WebAudio: no audio file to fetch, nothing played before the user asked.
import { html, nothing } from 'lit-html';
import type { Model, World } from '../../core/index.ts';
import type { Decision } from '../../scenario/index.ts';
import { pick, t, type Lang } from '../i18n.ts';
import { decisionsOf } from './drill-data.ts';

export interface NewDecision {
  decision: Decision;
  /** Its open decisions' key: a decision reopened later is new again. */
  key: string;
}

/** The decisions open for `seat` now, each with its key. */
export function openFor(model: Model, world: Readonly<World>, seat: string): NewDecision[] {
  return decisionsOf(model.scenario, world, seat).open.map((decision) => {
    const s = world.decisions[decision.id]!;
    return { decision, key: `${decision.id}@${s.reopenedClock ?? s.openClock ?? 0}` };
  });
}

/** The open decisions of `seat` it has not acknowledged yet. */
export const unseenFor = (model: Model, world: Readonly<World>, seat: string, seen: Readonly<Record<string, true>>): NewDecision[] =>
  openFor(model, world, seat).filter((d) => !seen[d.key]);

export interface CueProps {
  lang: Lang;
  unseen: NewDecision[];
  sound: boolean;
  on: { seen: (keys: string[]) => void; sound: (on: boolean) => void };
}

/**
 * The banner, and the sound switch beside it. The live region is always in the page, so a screen
 * reader hears the banner's words when they appear.
 */
export function decisionCue({ lang, unseen, sound, on }: CueProps) {
  const text =
    unseen.length === 0
      ? ''
      : unseen.length === 1
        ? t(lang, 'seat.cue.one', { prompt: pick(lang, unseen[0]!.decision.prompt) })
        : t(lang, 'seat.cue.many', { n: unseen.length, prompts: unseen.map((d) => pick(lang, d.decision.prompt)).join(t(lang, 'org.listSeparator')) });
  return html`<div class="decision-cue-bar">
    <div class="decision-cue ${unseen.length > 0 ? 'active' : ''}" aria-live="polite">
      ${unseen.length > 0
        ? html`<p>${text}</p>
            <button type="button" class="small" @click=${() => on.seen(unseen.map((d) => d.key))}>${t(lang, 'seat.cue.seen')}</button>`
        : nothing}
    </div>
    <label class="small cue-sound"><input type="checkbox" .checked=${sound} @change=${(e: Event) => on.sound((e.target as HTMLInputElement).checked)} /> ${t(lang, 'seat.cue.sound')}</label>
  </div>`;
}

/** The tab's title while decisions wait unacknowledged. */
export const cueTitle = (lang: Lang, title: string, unseen: number): string => (unseen > 0 ? t(lang, 'seat.cue.title', { title }) : title);

type AudioContextClass = new () => AudioContext;

/** A short two-tone beep (about a quarter of a second). */
function beep(ctx: AudioContext): void {
  const start = ctx.currentTime;
  const gain = ctx.createGain();
  gain.connect(ctx.destination);
  gain.gain.setValueAtTime(0.0001, start);
  gain.gain.exponentialRampToValueAtTime(0.2, start + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.26);
  [880, 1175].forEach((hz, i) => {
    const osc = ctx.createOscillator();
    osc.type = 'sine';
    osc.frequency.setValueAtTime(hz, start + i * 0.12);
    osc.connect(gain);
    osc.start(start + i * 0.12);
    osc.stop(start + i * 0.12 + 0.12);
  });
}

export interface Chime {
  /**
   * Called on every render with the seat on show (null: no seat screen), the keys of its open
   * decisions and whether the sound is on. Beeps when a decision opens for the seat being watched
   * (not for those already open when it was chosen), and once when the sound is turned on, so the
   * user hears what it sounds like — that happens in the click, which browsers require of audio.
   */
  sync(seat: string | null, keys: readonly string[], enabled: boolean): void;
  close(): void;
}

export function createChime(win: (typeof globalThis & { webkitAudioContext?: AudioContextClass }) | null): Chime {
  let ctx: AudioContext | null = null;
  let watching: string | null = null;
  let known = new Set<string>();
  let wasEnabled = false;
  const play = () => {
    const Ctor: AudioContextClass | undefined = win?.AudioContext ?? win?.webkitAudioContext;
    if (!Ctor) return;
    ctx ??= new Ctor();
    if (ctx.state === 'suspended') void ctx.resume();
    beep(ctx);
  };
  return {
    sync(seat, keys, enabled) {
      const fresh = seat !== null && seat === watching && keys.some((k) => !known.has(k));
      if (enabled && (fresh || !wasEnabled)) play();
      watching = seat;
      known = new Set(keys);
      wasEnabled = enabled;
    },
    close() {
      void ctx?.close();
      ctx = null;
    },
  };
}
