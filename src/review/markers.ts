// The moments a replay's scrubber marks: where each node starts, each inject is delivered, each
// decision opens and is answered or runs out, the response level changes, a team reaches its scene,
// and where each note is anchored. The world records most of these in drill time (clock), not in log
// time, and some not at all (a team's arrival), so they are read off one replay that stops at every
// entry and at every timer between entries, comparing the world before and after each stop.
import { createExercise, type Exercise, type Level, type LogEntry } from '../core/index.ts';
import type { Model } from '../core/model.ts';
import type { Scenario, Text } from '../scenario/index.ts';
import { LEVEL_NUMERAL } from './names.ts';
import type { Note } from './record.ts';

export type MarkerKind = 'node' | 'inject' | 'decision' | 'answer' | 'level' | 'arrival' | 'note';

export interface Marker {
  /** Log time, ms since the drill was created (the scrubber's axis). */
  t: number;
  /** The log entry that brought it about; null when a timer did (the clock reached it). */
  seq: number | null;
  kind: MarkerKind;
  label: Text;
  /** The node, inject, decision, team or note id; `live-<seq>` for an inject written live. */
  ref?: string;
}

/** A scrubber's tick shows a line, not a paragraph [E]. */
const NOTE_LABEL_CHARS = 80;

const en = (t: Text) => t.en ?? t.zh;
const same = (s: string): Text => ({ zh: s, en: s });
const clip = (s: string) => (s.length > NOTE_LABEL_CHARS ? `${s.slice(0, NOTE_LABEL_CHARS - 1)}…` : s);

/**
 * What the markers compare from one stop to the next, by position in fixed id lists: one replay
 * stops at every entry, and comparing records by Object.entries at each stop cost eight replays.
 */
class Watch {
  private node = -1;
  private levels = 0;
  private readonly injectIds: string[];
  private readonly decisionIds: string[];
  private readonly teamIds: string[];
  private readonly delivered: boolean[];
  /** When each decision last opened (its open and reopen clocks), and how and when it last closed. */
  private readonly opened: number[];
  private readonly reopened: number[];
  private readonly outcome: (string | undefined)[];
  private readonly answered: number[];
  private readonly onScene: boolean[];

  constructor(private readonly ex: Exercise) {
    const w = ex.world;
    this.injectIds = Object.keys(w.injects);
    this.decisionIds = Object.keys(w.decisions);
    this.teamIds = Object.keys(w.teams);
    this.delivered = this.injectIds.map(() => false);
    this.opened = this.decisionIds.map(() => -1);
    this.reopened = this.decisionIds.map(() => -1);
    this.outcome = this.decisionIds.map(() => undefined);
    this.answered = this.decisionIds.map(() => -1);
    this.onScene = this.teamIds.map(() => false);
    this.changes(null);
  }

  /** The markers for what changed since the last stop, in the order things happen at one instant. */
  changes(seq: number | null): Marker[] {
    const { model, world: w } = this.ex;
    const t = w.t;
    const out: Marker[] = [];
    const mark = (kind: MarkerKind, label: Text, ref?: string) => out.push({ t, seq, kind, label, ...(ref === undefined ? {} : { ref }) });
    // A deadline falls due before a node ends at the same instant (timers.ts ORDER): answers first.
    this.decisionIds.forEach((id, i) => {
      const d = w.decisions[id]!;
      const answered = d.answerClock ?? -1;
      if (d.outcome === this.outcome[i] && answered === this.answered[i]) return;
      this.outcome[i] = d.outcome;
      this.answered[i] = answered;
      if (!d.outcome) return;
      const prompt = model.decisions.get(id)!.prompt;
      mark('answer', d.outcome === 'expired' ? { zh: `超时：${prompt.zh}`, en: `Expired: ${en(prompt)}` } : { zh: `作答：${prompt.zh}`, en: `Answered: ${en(prompt)}` }, id);
    });
    if (w.node !== this.node) {
      this.node = w.node;
      const node = model.scenario.nodes[w.node];
      if (node) mark('node', node.name, node.id);
    }
    this.injectIds.forEach((id, i) => {
      const x = w.injects[id]!;
      if (this.delivered[i] || x.status !== 'delivered') return;
      this.delivered[i] = true;
      mark('inject', x.edit?.title === undefined ? model.injects.get(id)!.title : same(x.edit.title), id);
    });
    this.decisionIds.forEach((id, i) => {
      const d = w.decisions[id]!;
      const opened = d.openClock ?? -1;
      const reopened = d.reopenedClock ?? -1;
      if (opened === this.opened[i] && reopened === this.reopened[i]) return;
      this.opened[i] = opened;
      this.reopened[i] = reopened;
      mark('decision', model.decisions.get(id)!.prompt, id);
    });
    for (; this.levels < w.levelChanges.length; this.levels++) mark('level', levelLabel(model.scenario, w.levelChanges[this.levels]!.level));
    this.teamIds.forEach((id, i) => {
      const team = w.teams[id]!;
      const here = team.status === 'on-scene';
      if (here === this.onScene[i]) return;
      this.onScene[i] = here;
      if (!here) return;
      const name = model.teamTypes.get(team.type)?.team.name ?? same(team.type);
      const place = placeName(model, team.target) ?? same(team.target ?? '');
      mark('arrival', { zh: `${name.zh}到达${place.zh}`, en: `${en(name)} on scene at ${en(place)}` }, id);
    });
    return out;
  }
}

function placeName(model: Model, id: string | undefined): Text | undefined {
  if (id === undefined) return undefined;
  return model.settlements.get(id)?.name ?? model.facilities.get(id)?.name ?? model.incidents.get(id)?.name ?? model.routes.get(id)?.name;
}

function levelLabel(scenario: Scenario, level: Level): Text {
  if (level === 'none') return { zh: '响应终止', en: 'Response ended' };
  return scenario.responseLevels.find((l) => l.level === level)?.name ?? { zh: `${LEVEL_NUMERAL[level]}级响应`, en: `Level ${level} response` };
}

/**
 * Every marker of a recorded drill, sorted by log time (stable: at one instant, in the order things
 * happened). `until` is the record's end (the header's), so what the clock fired after the last
 * entry is marked too; `notes` are the notes the viewer may see (notesFor).
 */
export function drillMarkers(scenario: Scenario, seed: number, log: readonly LogEntry[], until?: number, notes: readonly Note[] = []): Marker[] {
  const ex = createExercise({ scenario, seed, log });
  const markers: Marker[] = [];
  const watch = new Watch(ex);
  const stop = (seq: number | null) => {
    for (const m of watch.changes(seq)) markers.push(m);
  };
  /** Each timer up to `t`, one stop each: the entry at `t` then finds only its own doing. */
  const timersUntil = (t: number) => {
    for (let due = ex.nextDueT(); due !== undefined && due <= t; ) {
      ex.advance(Math.max(due, ex.world.t));
      stop(null);
      const next = ex.nextDueT();
      // Everything due at `due` fired in that advance: a timer still due then could never be passed.
      if (next !== undefined && next <= due) break;
      due = next;
    }
  };
  for (const entry of log) {
    timersUntil(entry.t);
    // A refused entry changes nothing, and leaves nothing to mark.
    if (ex.apply(entry).ok && entry.event.type === 'live-inject') markers.push({ t: entry.t, seq: entry.seq, kind: 'inject', label: same(entry.event.title), ref: `live-${entry.seq}` });
    stop(entry.seq);
  }
  if (until !== undefined) timersUntil(until);
  markers.push(...noteMarkers(notes));
  return markers.sort((a, b) => a.t - b.t);
}

/** The notes' markers alone (no replay): a review screen adds them to the drill's, made once, as the notes change. */
export function noteMarkers(notes: readonly Note[]): Marker[] {
  return notes.map((n) => ({ t: n.t, seq: n.seq, kind: 'note', label: same(clip(n.text)), ref: n.id }));
}
