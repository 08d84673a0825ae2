// src/app — owns the browser: the UI store, the views (lit-html) and the interface dictionary.
// The entry is main.ts (loaded by index.html); this index is for tests and later screens.
export { mountApp, type LoadedScenario } from './app.ts';
export { createUiStore, type UiState, type UiStore } from './store.ts';
export { DEFAULT_LANG, LANGS, htmlLang, messages, pick, t, type Lang, type MessageKey, type Messages } from './i18n.ts';
export { summaryView, type SummaryProps } from './views/summary.ts';
