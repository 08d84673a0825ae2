// The editor the authoring view mounts into its slot, as an interface: CodeMirror 6 in the browser
// (codemirror.ts, its own lazy chunk), a plain textarea until it has loaded and in Node tests. The view
// gives it the text and the problems; it reports every change of the text.
import type { Lang } from '../i18n.ts';
import { problemRange, type ShownProblem } from './validate.ts';

export interface EditorInit {
  text: string;
  /** Its accessible name. */
  label: string;
  onChange(text: string): void;
}

export interface EditorHandle {
  /** The text was replaced from outside (a copy, an upload, a saved draft). */
  setText(text: string): void;
  /** The problems of the text last checked, marked by line. */
  setProblems(problems: readonly ShownProblem[], lang: Lang): void;
  /** Puts the cursor at a problem's place and the focus in the editor. */
  jumpTo(line: number, column: number): void;
  destroy(): void;
}

export type MountEditor = (el: HTMLElement, init: EditorInit) => EditorHandle;

/** A textarea: no marks in the text (the problem list says where), the cursor put at a problem's place. */
export const textareaEditor: MountEditor = (el, init) => {
  const area = el.ownerDocument.createElement('textarea');
  area.className = 'author-textarea';
  area.spellcheck = false;
  area.value = init.text;
  area.setAttribute('aria-label', init.label);
  area.addEventListener('input', () => init.onChange(area.value));
  el.append(area);
  return {
    setText(text) {
      if (area.value !== text) area.value = text;
    },
    setProblems(problems) {
      area.setAttribute('aria-invalid', problems.length > 0 ? 'true' : 'false');
    },
    jumpTo(line, column) {
      const { from } = problemRange(area.value, line, column);
      area.focus();
      area.setSelectionRange(from, from);
    },
    destroy: () => area.remove(),
  };
};
