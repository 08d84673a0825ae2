// What the interface itself remembers, apart from the drill: today only the language. A zustand
// vanilla store, so views re-render from one subscription and tests can drive it without a DOM.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { DEFAULT_LANG, type Lang } from './i18n.ts';

export interface UiState {
  lang: Lang;
  setLang: (lang: Lang) => void;
}

export type UiStore = StoreApi<UiState>;

export function createUiStore(lang: Lang = DEFAULT_LANG): UiStore {
  return createStore<UiState>()((set) => ({
    lang,
    setLang: (next) => set({ lang: next }),
  }));
}
