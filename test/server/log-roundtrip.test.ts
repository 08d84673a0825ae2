// A server drill and its log file (quake-drill/log@2): the download is byte for byte the file the
// browser's export gives for the same drill, and an upload of a browser's file comes back down as
// the very same text; a broken record is refused with its reason, an unchained one continues as the
// browser continues it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../src/app/drill/session.ts';
import { importedOptions } from '../../src/app/persist/connect.ts';
import { exportDrill } from '../../src/app/persist/export-log.ts';
import { importLog as browserImport } from '../../src/app/persist/log-io.ts';
import { loadShipped } from '../../src/cli/shipped-scenarios.ts';
import { chainHashes } from '../../src/review/chain.ts';
import { parseLog } from '../../src/review/index.ts';
import { headerFor, writeLog } from '../../src/review/log-file.ts';
import { importLog, logFileOf, shippedForImport } from '../../src/server/log-download.ts';
import { openStore, type Store } from '../../src/server/storage.ts';
import { FILE, minimalText, ROOT, tempStoreDir } from './store-helpers.ts';
import { manualClock, MIN, play, scenario } from '../app/persist/helpers.ts';

const SHIPPED = loadShipped(ROOT);
const WHEN = new Date(2026, 11, 2, 10, 0);

let store: Store;
let file: string;
let remove: () => void;

beforeEach(() => {
  ({ file, remove } = tempStoreDir());
  store = openStore(file);
});

afterEach(() => {
  store.close();
  remove();
});

/** A browser drill on the minimal scenario, played a few minutes (a bot seat, a refused answer, a report). */
function browserDrill(end: boolean): Session {
  const clock = manualClock();
  const session = createSession({ scenario: scenario(), file: FILE, seed: 11, clock });
  play(session, clock);
  session.send('fire-rescue', { type: 'report', to: 'hq', text: '已到达现场，"引号" 与 emoji 🚒' });
  clock.advance(MIN);
  session.tick();
  if (end) {
    session.facilitator({ type: 'end' });
    clock.advance(5 * MIN); // the clock runs on in the debrief: the record still ends at the end
    session.tick();
  }
  return session;
}

/** The same drill played on the server: created with the session's identity, its entries appended as the room appends them. */
async function serverCopy(session: Session): Promise<void> {
  store.createDrill({ drill: session.drill, file: session.file, scenario: minimalText(), seed: session.seed, created: session.created, lastSeenT: 0 });
  store.setLastSeen(session.drill, session.exercise.world.t);
  await Promise.all(session.exercise.log.map((e, i) => store.append({ drill: session.drill, ...e, clientId: `c-${i}`, by: null })));
}

describe('download', () => {
  it('a running drill: the same bytes as the browser export, read back verified, the stored hashes the file\'s', async () => {
    const session = browserDrill(false);
    await serverCopy(session);
    const browser = exportDrill(session, WHEN).text;
    expect(logFileOf(store, session.drill, session.exercise.world.t)).toBe(browser);
    // Without a live room's time, the heartbeat's (committed with the entries' turn).
    expect(logFileOf(store, session.drill)).toBe(browser);
    const parsed = parseLog(browser);
    if (!parsed.ok) throw new Error(parsed.problem.message);
    expect(parsed.trust.kind).toBe('verified');
    expect(store.entries(session.drill).map((e) => e.hash)).toEqual(parsed.hashes);
  });

  it('an ended drill runs to its end, however late the download', async () => {
    const session = browserDrill(true);
    await serverCopy(session);
    const text = logFileOf(store, session.drill, session.exercise.world.t + 60 * MIN)!;
    expect(text).toBe(exportDrill(session, WHEN).text);
    const parsed = parseLog(text);
    if (!parsed.ok) throw new Error(parsed.problem.message);
    expect(parsed.header.until).toBe(session.exercise.world.endT);
  });

  it('an unknown drill has no file', () => {
    expect(logFileOf(store, 'no-such-drill')).toBeUndefined();
  });
});

describe('upload', () => {
  it('a verified browser file keeps its drill and comes back down as the same text', async () => {
    const session = browserDrill(false);
    const text = exportDrill(session, WHEN).text;
    const up = await importLog(store, text, SHIPPED);
    if (!up.ok) throw new Error(up.reason);
    expect(up.drill).toMatchObject({ drill: session.drill, created: session.created, file: FILE, seed: 11, lastSeenT: session.exercise.world.t });
    expect(up.drill.origin).toBeUndefined();
    expect(logFileOf(store, session.drill)).toBe(text);
    const parsed = parseLog(text);
    if (!parsed.ok) throw new Error(parsed.problem.message);
    expect(store.entries(session.drill).map((e) => e.hash)).toEqual(chainHashes(parsed.header.hash, parsed.log));
    // The same file again: the drill is there already.
    expect(await importLog(store, text, SHIPPED)).toMatchObject({ ok: false, reason: expect.stringContaining('already on this server') });
  });

  it('a broken chain is refused with its line and reason, and nothing is stored', async () => {
    const session = browserDrill(false);
    const lines = exportDrill(session, WHEN).text.split('\n');
    const at = lines.findIndex((l) => l.includes('已到达现场'));
    lines[at] = lines[at]!.replace('已到达现场', '未到达现场');
    const up = await importLog(store, lines.join('\n'), SHIPPED);
    expect(up).toEqual({ ok: false, line: at + 1, reason: expect.stringMatching(/line \d+\): entry \d+: its hash does not match/) });
    expect(store.drills()).toEqual([]);
  });

  it('an unchained (format 1) file continues as a new drill whose origin names it, as the browser continues it', async () => {
    const session = browserDrill(false);
    const [header, ...entries] = exportDrill(session, WHEN).text.split('\n');
    const h = JSON.parse(header!) as Record<string, unknown>;
    const v1 = [JSON.stringify({ format: 'quake-drill/log@1', scenario: h.scenario, scenarioId: h.scenarioId, scenarioVersion: h.scenarioVersion, seed: h.seed, until: h.until }), ...entries].join('\n');
    const up = await importLog(store, v1, SHIPPED, WHEN);
    if (!up.ok) throw new Error(up.reason);
    const browser = await browserImport(v1, 'upload.jsonl', shippedForImport(SHIPPED));
    if (browser.kind !== 'ready') throw new Error(browser.kind);
    expect(up.drill.origin).toEqual(importedOptions(browser.drill).origin);
    expect(up.drill.drill).toMatch(/^minimal-example-[0-9a-f]{12}$/);
    expect(up.drill.created).toBe(WHEN.toISOString());
    const parsed = parseLog(logFileOf(store, up.drill.drill)!);
    if (!parsed.ok) throw new Error(parsed.problem.message);
    expect(parsed.trust).toEqual({ kind: 'unchained' });
    expect(parsed.log).toEqual(session.exercise.log);
  });

  it('a log of a scenario this server does not ship is refused, naming it', async () => {
    const elsewhere = { ...scenario(), meta: { ...scenario().meta, id: 'elsewhere-example' } };
    const header = headerFor('scenarios/elsewhere.yaml', elsewhere, 11, { drill: 'elsewhere-example-000000000001', created: WHEN.toISOString() });
    const up = await importLog(store, writeLog(header, browserDrill(false).exercise.log), SHIPPED);
    expect(up).toEqual({ ok: false, reason: "the log was recorded with scenario 'elsewhere-example' (scenarios/elsewhere.yaml), which this server does not ship" });
    expect(store.drills()).toEqual([]);
  });
});
