// @vitest-environment happy-dom
// A new decision announces itself (issue 9 §2): a banner in a polite live region on the seat's
// screen and the tab's title, always; a beep only once the user turned the sound on (off by
// default). WebAudio is stubbed: the test counts the beeps the page starts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, getByRole, within } from '@testing-library/dom';
import { loadScenario } from '../../src/scenario/index.ts';
import { MIN, minimal, renderDrill } from './render.ts';

/** Counts contexts made and beeps played (one gain envelope per beep). */
const audio = { contexts: 0, beeps: 0 };
class StubAudioContext {
  state = 'running';
  currentTime = 0;
  destination = {};
  constructor() {
    audio.contexts++;
  }
  createGain() {
    audio.beeps++;
    const param = { setValueAtTime() {}, exponentialRampToValueAtTime() {} };
    return { gain: param, connect() {} };
  }
  createOscillator() {
    return { type: 'sine', frequency: { setValueAtTime() {} }, connect() {}, start() {}, stop() {} };
  }
  resume() {
    return Promise.resolve();
  }
  close() {
    return Promise.resolve();
  }
}

const win = () => document.defaultView as unknown as { AudioContext?: unknown };
beforeEach(() => {
  audio.contexts = 0;
  audio.beeps = 0;
  win().AudioContext = StubAudioContext;
});
afterEach(() => {
  delete win().AudioContext;
});

type Drill = ReturnType<typeof renderDrill>;
const PROMPT = '是否立即派出重型救援队赶赴岔沟？';
const show = (d: Drill, seat: string) => fireEvent.change(getByRole(d.container, 'combobox', { name: '席位' }), { target: { value: seat } });
const cue = (d: Drill) => d.container.querySelector('.decision-cue[aria-live="polite"]')!;

/** The minimal scenario: fire-rescue's decision opens 2 minutes in, after the collapse report. */
function drill() {
  const result = loadScenario(minimal(), 'scenarios/minimal.yaml');
  if (!result.ok) throw new Error(result.problems[0]!.message);
  return renderDrill({ scenario: result.scenario, file: 'scenarios/minimal.yaml' });
}

describe('a new decision', () => {
  it('shows a banner and marks the tab, without a sound by default, until the seat acknowledges it', () => {
    const d = drill();
    d.start();
    show(d, 'fire-rescue');
    const title = document.title;
    expect(cue(d).textContent!.trim()).toBe('');
    expect((getByRole(d.container, 'checkbox', { name: '新决策提示音' }) as HTMLInputElement).checked).toBe(false);

    d.pass(2 * MIN + 5_000);
    expect(within(cue(d) as HTMLElement).getByText(`新决策：${PROMPT}`)).toBeTruthy();
    expect(document.title).toBe(`【新决策】${title}`);
    expect(audio).toEqual({ contexts: 0, beeps: 0 });

    within(cue(d) as HTMLElement).getByRole('button', { name: '知道了' }).click();
    expect(cue(d).textContent!.trim()).toBe('');
    expect(document.title).toBe(title);
    // Acknowledged is not answered: the decision is still open on the seat's screen.
    expect(getByRole(d.container, 'article', { name: new RegExp(PROMPT) })).toBeTruthy();
  });

  it('beeps when a decision opens for the seat on show, once the user has turned the sound on', () => {
    const d = drill();
    const s = d.start();
    show(d, 'fire-rescue');
    getByRole(d.container, 'checkbox', { name: '新决策提示音' }).click();
    // Turning it on plays the beep once, so the user hears it (and the browser lets the page sound).
    expect(audio).toEqual({ contexts: 1, beeps: 1 });

    d.pass(2 * MIN + 5_000);
    expect(audio.beeps).toBe(2);
    d.pass(10_000);
    expect(audio.beeps).toBe(2); // still the same decision: no second beep

    // Answered, then reopened by the facilitator: new again, so the banner and the beep come back.
    expect(s.send('fire-rescue', { type: 'answer', decision: 'send-usar', options: ['wait'] })).toEqual({ ok: true });
    expect(cue(d).textContent!.trim()).toBe('');
    expect(s.facilitator({ type: 'reopen-decision', decision: 'send-usar', byMs: 5 * MIN })).toEqual({ ok: true });
    expect(audio.beeps).toBe(3);
    expect(within(cue(d) as HTMLElement).getByText(`新决策：${PROMPT}`)).toBeTruthy();

    // Off again: nothing more is played.
    getByRole(d.container, 'checkbox', { name: '新决策提示音' }).click();
    expect(s.send('fire-rescue', { type: 'answer', decision: 'send-usar', options: ['send'] })).toEqual({ ok: true });
    expect(s.facilitator({ type: 'reopen-decision', decision: 'send-usar', byMs: 5 * MIN })).toEqual({ ok: true });
    expect(audio.beeps).toBe(3);
  });

  it('does not beep for another seat’s decision, nor for one already open when the seat is chosen', () => {
    const d = drill();
    d.start();
    show(d, 'hq');
    getByRole(d.container, 'checkbox', { name: '新决策提示音' }).click();
    expect(audio.beeps).toBe(1);
    d.pass(2 * MIN + 5_000);
    expect(audio.beeps).toBe(1);
    expect(cue(d).textContent!.trim()).toBe('');

    show(d, 'fire-rescue');
    expect(audio.beeps).toBe(1);
    expect(within(cue(d) as HTMLElement).getByText(`新决策：${PROMPT}`)).toBeTruthy();
  });
});
