// Every string that reaches the HTML report goes through here: scenario text, notes and file names
// are untrusted (a title may carry `<script>`), in text and in attribute values alike; md below does
// the same for Markdown tables. A leaf module: the comparison uses md without the report behind it.
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const esc = (s: string | number): string => String(s).replace(/[&<>"']/g, (c) => ENTITIES[c]!);

/** Scenario and evaluator text is untrusted: no raw HTML, no table breaks, one line. */
export const md = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|').replace(/\s*\r?\n\s*/g, ' ');
