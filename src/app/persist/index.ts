// src/app/persist — owns "nothing lost": the drill saved in IndexedDB as it happens and resumed
// after a reload, export/import of drill logs, and the shipped scenarios the picker lists.
//
// Wiring in main.ts:
//   const persistence = createPersistence({ clock });
//   const app = mountApp(el, source, store, { clock, seed, onSession: persistence.onSession });
//   void persistence.resume(app);                 // a saved drill comes back, paused
//   persistence.exportDrill(session)              // the "导出推演记录" button
//   await persistence.newDrill(app, lang)         // "新推演": confirm, forget, briefing
//   const picker = persistence.picker(app, close) // state for views/picker.ts pickerView
//   persistence.state                             // notice / saveError for a status line
export { memoryBackend, SAVED_VERSION, type DrillBackend, type Heartbeat, type RawDrill, type SavedMeta } from './backend.ts';
export { indexedDbBackend, DB_NAME } from './idb.ts';
export { recordSession, HEARTBEAT_MS, type Recording, type RecordOptions } from './recorder.ts';
export { restoreDrill, type Restored, type RestoreProblem } from './saved.ts';
export { restoreNotice, confirmNewDrill } from './notice.ts';
export { createPersistence, type Persistence, type PersistenceOptions, type PersistState, type Shell } from './connect.ts';
export { exportDrill, downloadText, importLog, importWithScenario, type ExportedDrill, type ImportedDrill, type LogImport, type PendingLog } from './log-io.ts';
export { SHIPPED, DEFAULT_SCENARIO, shippedByFile, type ShippedScenario, type ShippedFacts } from './scenarios.ts';
export { createPickerStore, type ChosenScenario, type PickedFile, type PickerState, type PickerStore, type PickerOptions } from './picker-state.ts';
