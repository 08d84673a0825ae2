// A recorded drill under review (复盘回放): a playhead over its log time that can be scrubbed, played
// at 1×/10×/60×, stepped entry by entry and jumped to a marker, with the drill and its scores exactly as
// they stood under it — and the what-if: a new live drill that shares the log up to the playhead and
// names the moment it branched from. Playback is driven by the room clock the app already ticks
// (no animation frames of its own), so a test moves it with a manual clock.
import type { Exercise, LogEntry } from '../../core/index.ts';
import { chainHashes } from '../../review/chain.ts';
import { parseLog, type LogHeader, type Trust } from '../../review/log-file.ts';
import { drillMarkers, noteMarkers, type Marker } from '../../review/markers.ts';
import { entryStep, playStep } from '../../review/playback.ts';
import type { Note, ReviewEntry } from '../../review/record.ts';
import { Timeline } from '../../review/replay.ts';
import type { Scenario } from '../../scenario/index.ts';
import { scoreDrill, type DrillScore, type ReportTicks } from '../../scoring/index.ts';
import { createSession, type ClockSource, type Session } from '../drill/session.ts';
import { exportDrill } from '../persist/export-log.ts';
import type { DrillArchive } from '../persist/archive.ts';

/** A drill to review: its scenario, its record as read (a file, this browser's archive, the drill just played). */
export interface ReviewSource {
  scenario: Scenario;
  /** Where the scenario came from (media beside it, the branch's file). */
  file: string;
  header: LogHeader;
  log: LogEntry[];
  trust: Trust;
  reviewEntries?: ReviewEntry[];
}

/**
 * The drill played here, as its export reads back (the header and chain a file carries): a drill
 * continued from an altered or an old record names it in its header, so it reads back marked so.
 */
export function sourceOf(session: Session): ReviewSource {
  const parsed = parseLog(exportDrill(session).text);
  if (!parsed.ok) throw new Error(`the drill's own export does not read back: ${parsed.problem.message}`);
  return { scenario: session.scenario, file: session.file, header: parsed.header, log: parsed.log, trust: parsed.trust };
}

/**
 * A what-if's parent as this browser's archive keeps it, read as the branch's scenario (a branch
 * never changes scenario); 'missing' when it is not kept, does not read back or cannot be read.
 */
export async function archivedParent(archive: Pick<DrillArchive, 'get'>, branch: ReviewSource): Promise<ReviewSource | 'missing'> {
  const parent = branch.header.parent;
  if (!parent) return 'missing';
  try {
    const kept = await archive.get(parent.drill);
    const parsed = kept ? parseLog(kept.logText) : null;
    return parsed?.ok ? { scenario: branch.scenario, file: branch.file, header: parsed.header, log: parsed.log, trust: parsed.trust } : 'missing';
  } catch {
    return 'missing';
  }
}

/** A stretch of log time, [from, to). */
export interface Stretch {
  from: number;
  to: number;
}

export const REVIEW_SPEEDS = [1, 10, 60] as const;
export type ReviewSpeed = (typeof REVIEW_SPEEDS)[number];

export class ReviewSession {
  readonly timeline: Timeline;
  /** The log time the record runs to: its `until`, or its last entry. */
  readonly end: number;
  private playhead = 0;
  private seeked: { t: number; exercise: Exercise; scores?: DrillScore } | null = null;
  private ticks: ReportTicks = {};
  private ticksKey = '{}';
  private notes: readonly Note[] = [];
  private base: Marker[] | null = null;
  private marked: Marker[] | null = null;
  private stopTimes: number[] | null = null;
  private hashes: string[] | null = null;
  private stretches: { paused: Stretch[]; running: Stretch[] } | null = null;
  /** The room clock at the last tick while playing; null while paused. */
  private room: number | null = null;
  speed: ReviewSpeed = 1;

  constructor(readonly source: ReviewSource) {
    const { scenario, header, log } = source;
    this.timeline = new Timeline(scenario, header.seed, log);
    this.end = Math.max(header.until ?? 0, log.at(-1)?.t ?? 0);
  }

  /** The playhead, in log time (ms since the drill was created). */
  get t(): number {
    return this.playhead;
  }

  /** Node boundaries, injects, decisions, answers, level changes, arrivals and the notes given, by time. */
  get markers(): Marker[] {
    if (!this.marked) {
      const { scenario, header, log } = this.source;
      // The drill's own markers are one replay, made once; the notes' as they change.
      this.base ??= drillMarkers(scenario, header.seed, log, this.end);
      this.marked = [...this.base, ...noteMarkers(this.notes)].sort((a, b) => a.t - b.t);
    }
    return this.marked;
  }

  /** The markers' times, in order, once each: where playback stops. */
  private get stops(): number[] {
    return (this.stopTimes ??= [...new Set(this.markers.map((m) => m.t))]);
  }

  /**
   * The stretches the drill stood paused (a pause entry to the next resume or end, or the record's
   * end): log time runs on through them while the drill clock stands still.
   */
  get paused(): Stretch[] {
    return this.clockStretches().paused;
  }

  /** The drill time (演练时间) at log time `t`: the running time up to it. */
  drillClockAt(t: number): number {
    let clock = 0;
    for (const s of this.clockStretches().running) if (s.from < t) clock += Math.min(t, s.to) - s.from;
    return clock;
  }

  /** Read from the log: the clock runs from start or resume to pause, end or the drill's own end. */
  private clockStretches(): { paused: Stretch[]; running: Stretch[] } {
    if (this.stretches) return this.stretches;
    const paused: Stretch[] = [];
    const running: Stretch[] = [];
    // A drill ends itself at its last node's end without an entry: the replay knows when.
    const endT = this.timeline.seek(this.end).world.endT ?? this.end;
    let run: number | null = null;
    let pause: number | null = null;
    for (const { t, event } of this.source.log) {
      if (event.type === 'start' || event.type === 'resume') {
        if (pause !== null) paused.push({ from: pause, to: t });
        pause = null;
        run ??= t;
      } else if (event.type === 'pause' || event.type === 'end') {
        if (run !== null) running.push({ from: run, to: Math.min(t, endT) });
        run = null;
        if (event.type === 'end' && pause !== null) paused.push({ from: pause, to: t });
        pause = event.type === 'pause' && t < endT ? t : null;
      }
    }
    if (run !== null) running.push({ from: run, to: endT });
    if (pause !== null) paused.push({ from: pause, to: this.end });
    this.stretches = { paused, running };
    return this.stretches;
  }

  /** The evaluators' notes to mark (they change while the review is open); a new list re-marks the scrubber. */
  /** The evaluator's ticks of written reports (the review record's): the scores read them; new ticks, new scores. */
  setTicks(ticks: ReportTicks): void {
    // The record store writes ticks in place: compared by content, not by the object.
    const key = JSON.stringify(ticks);
    if (key === this.ticksKey) return;
    this.ticks = structuredClone(ticks) as ReportTicks;
    this.ticksKey = key;
    if (this.seeked) delete this.seeked.scores;
  }

  setNotes(notes: readonly Note[]): void {
    if (notes === this.notes) return;
    this.notes = notes;
    this.marked = null;
    this.stopTimes = null;
  }

  /** Moves the playhead (clamped to the record) and returns the drill as it stood there. */
  seek(t: number): Exercise {
    this.playhead = Math.min(this.end, Math.max(0, Math.round(t)));
    return this.exercise;
  }

  /** The drill as it stood at the playhead: every entry up to it applied, the clock at it. */
  get exercise(): Exercise {
    if (this.seeked?.t !== this.playhead) this.seeked = { t: this.playhead, exercise: this.timeline.seek(this.playhead) };
    return this.seeked.exercise;
  }

  /** The scores as they stood at the playhead: the seeked world and the log up to it (a later answer does not count yet). */
  get scores(): DrillScore {
    const ex = this.exercise;
    const seeked = this.seeked!;
    return (seeked.scores ??= scoreDrill(this.source.scenario, ex.world, ex.log, this.ticks));
  }

  /** Where a note added now is anchored: the last entry under the playhead, and the playhead. */
  get anchor(): { seq: number; t: number } {
    return { seq: this.exercise.world.seq, t: this.playhead };
  }

  get playing(): boolean {
    return this.room !== null;
  }

  /** Plays from the playhead (from the start again when it is at the end); `roomMs` is the room clock now. */
  play(roomMs: number): void {
    if (this.playhead >= this.end) this.seek(0);
    this.room = roomMs;
  }

  pause(): void {
    this.room = null;
  }

  setSpeed(speed: ReviewSpeed): void {
    this.speed = speed;
  }

  /**
   * Moves a playing playhead by the room time since the last tick × speed, stopping on the next
   * marker in between (playStep): at 60× each inject, decision and arrival still gets a frame of its
   * own. Returns whether the playhead moved; playback pauses at the end.
   */
  tick(roomMs: number): boolean {
    if (this.room === null) return false;
    const advance = Math.round((roomMs - this.room) * this.speed);
    this.room = roomMs;
    if (advance <= 0) return false;
    const before = this.playhead;
    this.seek(playStep(before, advance, this.end, this.stops));
    if (this.playhead >= this.end) this.pause();
    return this.playhead !== before;
  }

  /** To the next (1) or previous (-1) entry's time. */
  step(dir: 1 | -1): Exercise {
    return this.seek(entryStep(this.source.log, this.playhead, dir));
  }

  jump(marker: Marker): Exercise {
    return this.seek(marker.t);
  }

  /**
   * The what-if (假设推演): a new live drill replaying the entries up to the playhead, its clock at the
   * playhead (paused there if the drill was running), naming as its parent this drill, the last entry
   * they share and that entry's chain hash. Whoever adopts it plays on from there: answers a decision
   * differently, takes a seat over from a bot (assign-seat).
   */
  branch(clock: ClockSource): Session {
    const { scenario, file, header, log, trust } = this.source;
    const shared = this.exercise.log.length;
    const seq = shared > 0 ? log[shared - 1]!.seq : 0;
    return createSession({
      scenario,
      file,
      seed: header.seed,
      clock,
      log: log.slice(0, shared),
      lastSeenT: this.playhead,
      parent: { drill: header.drill, seq, hash: shared > 0 ? this.hashAt(shared - 1) : header.hash },
      trust: trust.kind,
    });
  }

  private hashAt(index: number): string {
    this.hashes ??= chainHashes(this.source.header.hash, this.source.log);
    return this.hashes[index]!;
  }
}
