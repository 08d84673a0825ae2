// The authoring view's editor in the browser: CodeMirror 6 with YAML highlighting, the problems of the
// last check as lint diagnostics (a gutter mark and an underline on their line), loaded as its own chunk.
// The check itself is the view's (debounced, src/scenario's loader): pushed in with setDiagnostics.
import { basicSetup, EditorView } from 'codemirror';
import { yaml } from '@codemirror/lang-yaml';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { EditorSelection } from '@codemirror/state';
import type { MountEditor } from './editor.ts';
import { problemRange } from './validate.ts';

export const codeMirrorEditor: MountEditor = (el, init) => {
  const view = new EditorView({
    doc: init.text,
    parent: el,
    extensions: [
      basicSetup,
      yaml(),
      lintGutter(),
      EditorView.contentAttributes.of({ 'aria-label': init.label }),
      EditorView.updateListener.of((u) => {
        if (u.docChanged) init.onChange(u.state.doc.toString());
      }),
    ],
  });
  return {
    setText(text) {
      if (view.state.doc.toString() !== text) view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    setProblems(problems) {
      // Positions come from the text as checked; the check runs on the text on show, so they agree.
      const text = view.state.doc.toString();
      const diagnostics: Diagnostic[] = problems.map((p) => ({
        ...problemRange(text, p.line, p.column),
        severity: 'error',
        message: p.hint ? `${p.message}\n${p.hint}` : p.message,
        source: p.rule,
      }));
      view.dispatch(setDiagnostics(view.state, diagnostics));
    },
    jumpTo(line, column) {
      const { from } = problemRange(view.state.doc.toString(), line, column);
      view.dispatch({ selection: EditorSelection.cursor(from), effects: EditorView.scrollIntoView(from, { y: 'center' }) });
      view.focus();
    },
    destroy: () => view.destroy(),
  };
};
