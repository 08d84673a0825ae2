// The whole-process record (全过程记录): every log entry carries the SHA-256 of the previous entry's
// hash and its own content, the first one chained to the header's hash, and the header names the
// scenario by its digest — so an edited entry, a changed seed or header, a log pointed at another
// scenario and a cut-off tail are each found and named. SHA-256 from @noble/hashes: synchronous, so it
// runs inside the fold and the same in Node and the page (crypto.subtle is async and needs a secure
// context, which a drill room's LAN page may not have).
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson, type LogEntry } from '../core/index.ts';
import type { Scenario } from '../scenario/index.ts';
import { v1Form } from '../scenario/v1-form.ts';

export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/**
 * Of the parsed scenario, not its file's text: the CLI loads YAML and the page gets the loader's
 * output as JSON, and both must name the same scenario. Key order and absent keys do not count, nor
 * does the format version: a v1 file and its migration are one scenario (v1Form).
 */
export function scenarioDigest(scenario: Scenario): string {
  return sha256Hex(canonicalJson(v1Form(scenario)));
}

/** Only what the engine replays is sealed: an entry's hash field itself is not part of its content. */
export function entryHash(prev: string, entry: LogEntry): string {
  return sha256Hex(`${prev}\n${canonicalJson({ seq: entry.seq, t: entry.t, actor: entry.actor, event: entry.event })}`);
}

/** hashes[i] is log[i]'s hash; `head` is the header's hash. */
export function chainHashes(head: string, log: readonly LogEntry[]): string[] {
  const out: string[] = new Array<string>(log.length);
  let prev = head;
  for (let i = 0; i < log.length; i++) prev = out[i] = entryHash(prev, log[i]!);
  return out;
}

/** Seals where the record ends, so a dropped tail or a moved `until` no longer matches. */
export function finalHash(last: string, until: number): string {
  return sha256Hex(`${last}\nuntil:${until}`);
}

/** A chain grown entry by entry, as a live drill appends to its log. */
export class Chain {
  #last: string;
  readonly #bySeq = new Map<number, string>();

  constructor(head: string) {
    this.#last = head;
  }

  push(entry: LogEntry): string {
    this.#last = entryHash(this.#last, entry);
    this.#bySeq.set(entry.seq, this.#last);
    return this.#last;
  }

  hashOf(seq: number): string | undefined {
    return this.#bySeq.get(seq);
  }

  /** The newest entry's hash, or the head before any entry. */
  get last(): string {
    return this.#last;
  }
}
