// Puts the authoring view into an element of the app (app.ts's authoring slot) and keeps it drawn:
// the view from the store on every change, the editor mounted once into its slot and told of every
// check's problems and of a text replaced from outside. The editor starts as a textarea and becomes
// CodeMirror when that chunk arrives (the browser passes it as a promise); tests keep the textarea.
import { html, nothing, render } from 'lit-html';
import type { DryRunReport } from '../../review/dry-run.ts';
import type { Text } from '../../scenario/schema.ts';
import { downloadMessage } from '../download.ts';
import type { Lang } from '../i18n.ts';
import { createDrafts, type Draft, type DraftStorage } from './drafts.ts';
import { textareaEditor, type EditorHandle, type MountEditor } from './editor.ts';
import { createAuthoringStore, type AuthoringStore } from './state.ts';
import { problemsOf, shownProblem } from './validate.ts';
import { authoringView } from './view.ts';
import { ta } from './words.ts';

export interface AuthoringMountOptions {
  lang: Lang;
  /** Where drafts are kept (localStorage in the browser); null: nowhere (saving says so). */
  storage: DraftStorage | null;
  /** Shipped scenarios to copy from. */
  shipped: readonly { file: string; title: Text; text(): Promise<string> }[];
  /** The blank skeleton's text (scenarios/minimal.yaml). */
  blank(): Promise<string>;
  download(name: string, text: string): void;
  play?: (file: string, text: string) => void;
  dryRun?: (text: string, file: string) => Promise<DryRunReport>;
  /** The editor, or a promise of it (a lazy chunk): a textarea until then. Default: the textarea. */
  editor?: MountEditor | Promise<MountEditor>;
  /** Default setTimeout. */
  schedule?: (fn: () => void, ms: number) => () => void;
  back?: () => void;
}

export interface AuthoringHandle {
  readonly store: AuthoringStore;
  update(lang: Lang): void;
  destroy(): void;
}

/** A new scenario's file name until the author names it. */
const NEW_FILE = 'new-scenario.yaml';

const timeout = (fn: () => void, ms: number) => {
  const id = setTimeout(fn, ms);
  return () => clearTimeout(id);
};

export function mountAuthoring(el: HTMLElement, o: AuthoringMountOptions): AuthoringHandle {
  const drafts = createDrafts(o.storage);
  const working = drafts.working();
  const store = createAuthoringStore(working ?? { file: NEW_FILE, text: '' }, {
    drafts,
    schedule: o.schedule ?? timeout,
    download: o.download,
    ...(o.play ? { play: o.play } : {}),
    ...(o.dryRun ? { dryRun: o.dryRun } : {}),
  });
  let lang = o.lang;
  let editor: EditorHandle | null = null;
  let destroyed = false;
  /** A copy or the skeleton did not download: said above the editor. */
  let failed = false;

  const begin = (load: () => Promise<Draft>) =>
    load().then(
      (draft) => {
        failed = false;
        store.getState().start(draft);
      },
      () => {
        failed = true;
        draw();
      },
    );
  const basename = (file: string) => file.replace(/^.*[\\/]/, '');
  const on = {
    jump: (line: number, column: number) => editor?.jumpTo(line, column),
    copy: (file: string) => {
      const s = o.shipped.find((x) => x.file === file);
      if (s) void begin(async () => ({ file: basename(s.file), text: await s.text() }));
    },
    upload: (file: File) => void begin(async () => ({ file: file.name, text: await file.text() })),
    blank: () => void begin(async () => ({ file: NEW_FILE, text: await o.blank() })),
    ...(o.back ? { back: o.back } : {}),
  };

  let shownText: string | null = null;
  let shownCheck: unknown = null;
  let shownLang: Lang | null = null;
  const draw = () => {
    if (destroyed) return;
    const state = store.getState();
    render(
      html`${failed ? html`<p class="download-failed" role="alert">${downloadMessage(lang)}</p>` : nothing}${authoringView({
        lang,
        state,
        shipped: o.shipped,
        savedIds: drafts.list(),
        canPlay: !!o.play,
        canDryRun: !!o.dryRun,
        on,
      })}`,
      el,
    );
    if (!editor) mountEditor(textareaEditor);
    syncEditor();
  };
  const syncEditor = () => {
    const state = store.getState();
    if (!editor) return;
    if (state.text !== shownText) {
      editor.setText(state.text);
      shownText = state.text;
    }
    if (state.check !== shownCheck || lang !== shownLang) {
      editor.setProblems(problemsOf(state.check).map((p) => shownProblem(p, lang)), lang);
      shownCheck = state.check;
      shownLang = lang;
    }
  };
  const mountEditor = (make: MountEditor) => {
    const slot = el.querySelector<HTMLElement>('[data-editor-slot]');
    if (!slot) return;
    editor?.destroy();
    const text = store.getState().text;
    editor = make(slot, {
      text,
      label: ta(lang, 'author.editor.label'),
      onChange: (next) => {
        shownText = next;
        store.getState().edit(next);
      },
    });
    shownText = text;
    shownCheck = null;
  };

  const unsubscribe = store.subscribe(draw);
  draw();
  if (o.editor instanceof Promise) {
    void o.editor.then(
      (make) => {
        if (destroyed) return;
        mountEditor(make);
        syncEditor();
      },
      () => undefined, // the textarea stays: a plain editor, every check and the problem list still work
    );
  } else if (o.editor) {
    mountEditor(o.editor);
    syncEditor();
  }
  // A first visit starts from the skeleton; a later one from the working copy it left.
  if (!working)
    void o.blank().then(
      (text) => {
        // Unless the author has begun something else meanwhile.
        if (!destroyed && store.getState().text === '') store.getState().start({ file: NEW_FILE, text });
      },
      () => undefined, // no skeleton: the editor starts empty, the start choices are there
    );

  return {
    store,
    update(next) {
      if (next === lang) return;
      lang = next;
      draw();
    },
    destroy() {
      destroyed = true;
      unsubscribe();
      editor?.destroy();
      editor = null;
      render(nothing, el);
    },
  };
}
