// This browser's drills, kept after they end (复盘 opens them again): each as the exported log file
// (chained, so it is checked again whenever it is opened) beside a few facts for the picker's list.
// A drill is archived when it ends, when a new drill replaces it, and — a branch's parent — before a
// what-if branch is made from it (connect.ts). IndexedDB in the browser, memory in tests.
import type { Text } from '../../scenario/index.ts';
import type { ParentRef, Trust } from '../../review/log-file.ts';
import type { Session } from '../drill/session.ts';
import { exportDrill } from './export-log.ts';
import { ARCHIVE, ARCHIVE_LOG, DB_NAME, done, lazyDatabase, result } from './idb.ts';

export interface ArchivedDrillInfo {
  drill: string;
  scenarioId: string;
  title: Text;
  seed: number;
  /** ISO wall time the drill was created. */
  created?: string;
  entries: number;
  /** The record's final hash (finalHash), which every export and report prints. */
  final: string;
  parent?: ParentRef;
  trust: Trust['kind'];
}

export interface ArchivedDrill {
  info: ArchivedDrillInfo;
  /** The drill's log file (JSON Lines, chained), as an export writes it. */
  logText: string;
  /** Its review record file, when one came with it. */
  reviewText?: string;
  /** The scenario's text, when it is not a shipped one (a review needs the scenario the drill was played on). */
  scenarioText?: string;
}

export interface DrillArchive {
  /** Newest first. */
  list(): Promise<ArchivedDrillInfo[]>;
  get(drill: string): Promise<ArchivedDrill | undefined>;
  /** Adds the drill, or replaces the one with its id (a drill archived again after it went on). */
  put(d: ArchivedDrill): Promise<void>;
  remove(drill: string): Promise<void>;
}

/** The session as the archive keeps it: its export, and the scenario's text when it is not shipped. */
export function archivedDrill(session: Session, scenarioText?: string): ArchivedDrill {
  const { text } = exportDrill(session);
  const header = JSON.parse(text.slice(0, text.indexOf('\n'))) as { final: string };
  const { drill, scenario, seed, created, parent, trust } = session;
  return {
    info: { drill, scenarioId: scenario.meta.id, title: scenario.meta.title, seed, created, entries: session.exercise.log.length, final: header.final, ...(parent ? { parent } : {}), trust },
    logText: text,
    ...(scenarioText === undefined ? {} : { scenarioText }),
  };
}

/** Newest first; a drill without a creation time last. */
const newestFirst = (a: ArchivedDrillInfo, b: ArchivedDrillInfo) => (b.created ?? '').localeCompare(a.created ?? '') || a.drill.localeCompare(b.drill);

export function memoryArchive(): DrillArchive & { drills: Map<string, ArchivedDrill> } {
  const drills = new Map<string, ArchivedDrill>();
  return {
    drills,
    list: async () => [...drills.values()].map((d) => structuredClone(d.info)).sort(newestFirst),
    get: async (drill) => structuredClone(drills.get(drill)),
    put: async (d) => void drills.set(d.info.drill, structuredClone(d)),
    remove: async (drill) => void drills.delete(drill),
  };
}

/** The archive in IndexedDB: the facts in `archive`, the files in `archive-log`, both by drill id. */
export function indexedDbArchive(factory: IDBFactory | undefined = globalThis.indexedDB, name = DB_NAME): DrillArchive {
  const database = lazyDatabase(factory, name);
  const tx = async (mode: IDBTransactionMode) => (await database()).transaction([ARCHIVE, ARCHIVE_LOG], mode);
  return {
    async list() {
      const infos = await result((await tx('readonly')).objectStore(ARCHIVE).getAll());
      return (infos as ArchivedDrillInfo[]).sort(newestFirst);
    },
    async get(drill) {
      const t = await tx('readonly');
      const [info, files] = await Promise.all([result(t.objectStore(ARCHIVE).get(drill)), result(t.objectStore(ARCHIVE_LOG).get(drill))]);
      if (info === undefined || files === undefined) return undefined;
      return { ...(files as Omit<ArchivedDrill, 'info'>), info: info as ArchivedDrillInfo };
    },
    async put({ info, ...files }) {
      const t = await tx('readwrite');
      const finished = done(t);
      t.objectStore(ARCHIVE).put(info, info.drill);
      t.objectStore(ARCHIVE_LOG).put(files, info.drill);
      await finished;
    },
    async remove(drill) {
      const t = await tx('readwrite');
      const finished = done(t);
      t.objectStore(ARCHIVE).delete(drill);
      t.objectStore(ARCHIVE_LOG).delete(drill);
      await finished;
    },
  };
}
