// A store in a temporary folder holding one drill on the minimal scenario, and what the tests of
// storage read underneath it (the WAL file, a second connection).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { DrillEvent } from '../../src/core/index.ts';
import type { NewEntry, StoredDrill } from '../../src/server/storage.ts';

export const FILE = 'scenarios/minimal.yaml';
export const ROOT = resolve(import.meta.dirname, '../..');
export const minimalText = () => readFileSync(join(ROOT, FILE), 'utf8');

export const minimalDrill = (drill = 'minimal-example-000000000001'): StoredDrill => ({ drill, file: FILE, scenario: minimalText(), seed: 7, created: '2026-12-02T09:30:00.000Z', lastSeenT: 0 });

/** A facilitator's note-free command every log reader accepts; the engine refuses it before the start, which is logged as any refusal is. */
const PAUSE: DrillEvent = { type: 'pause' };

/** Entry `seq` of a drill, a second apart. */
export const row = (drill: string, seq: number, clientId: string | null = `client-${seq}`): NewEntry => ({ drill, seq, t: seq * 1000, actor: 'facilitator', event: PAUSE, clientId, by: 'facilitator:facilitator' });

export function tempStoreDir(): { dir: string; file: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'qd-store-'));
  return { dir, file: join(dir, 'drills.db'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}
