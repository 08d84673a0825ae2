// The one place the CLI's output passes: text from files (ids, labels, narratives, problems) can
// carry terminal escape sequences — colours, cursor moves, OSC 52 that writes the clipboard — so
// every control character but newline and tab is shown as a visible escape, never sent as is.

/**
 * C0 controls but \t, \n and the \r of a CRLF line end (a CSV's RFC 4180 rows), DEL, C1 controls, and the bidi overrides and isolates that reorder
 * what the reader sees (CVE-2021-42574, "Trojan Source").
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/g;

/**
 * `\u001b]52;c;…` instead of the ESC that would start a clipboard write. The \uXXXX form is also a
 * JSON escape, so `--json` output stays JSON (JSON.stringify leaves C1 and bidi characters raw).
 */
export function escapeControls(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

type Write = NodeJS.WriteStream['write'];
const rawWrites = new WeakMap<NodeJS.WriteStream, Write>();

/** From now on, strings written to `stream` (console.log and console.error included) are escaped. */
export function guardOutput(stream: NodeJS.WriteStream): void {
  if (rawWrites.has(stream)) return;
  const raw = stream.write.bind(stream) as Write;
  rawWrites.set(stream, raw);
  stream.write = ((chunk: unknown, ...rest: unknown[]) =>
    (raw as (c: unknown, ...r: unknown[]) => boolean)(typeof chunk === 'string' ? escapeControls(chunk) : chunk, ...rest)) as Write;
}

/** Writes our own control characters (the progress bar's carriage return) past the guard. */
export function writeRaw(stream: NodeJS.WriteStream, text: string): void {
  (rawWrites.get(stream) ?? stream.write.bind(stream))(text);
}
