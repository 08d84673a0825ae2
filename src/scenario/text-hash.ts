// A content hash of a scenario's text, the same at build time (src/cli/shipped-scenarios.ts, in Node)
// and in the page: a saved drill keeps it, so a reload can tell that the drill was played on exactly
// the text a shipped scenario has now and restore from its JSON — no YAML parser — and never replays
// against another text. SHA-256 from @noble/hashes, synchronous everywhere: crypto.subtle is async and
// exists only in secure contexts, and a drill room may serve the page over plain http on its LAN.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** `sha256:<hex>` of the UTF-8 text. */
export function textHash(text: string): string {
  return `sha256:${bytesToHex(sha256(utf8ToBytes(text)))}`;
}
