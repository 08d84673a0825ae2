// src/app/persist — owns "nothing lost": the drill saved in IndexedDB as it happens and resumed
// after a reload, export/import of drill logs, and the shipped scenarios the picker lists.
//
// Wiring in boot.ts (shell-hooks.ts turns persistence into the app's FileActions and banner):
//   const persistence = createPersistence({ clock, lock: createTabLock() });
//   const app = mountApp(el, source, store, { clock, seed, onSession: persistence.onSession });
//   void persistence.resume(app);                 // a saved drill comes back, paused
//   persistence.exportDrill(session)              // the "导出推演记录" button
//   await persistence.newDrill(app)               // "新推演": the app's dialog asks, then forget, briefing
//   persistence.takeOver()                        // a follower tab takes the drill over (tab-lock.ts)
//   const picker = persistence.picker(app, close) // state for views/picker.ts pickerView
//   persistence.state                             // notice / saveError for a status line
//   const archive = indexedDbArchive()            // this browser's finished drills (the picker lists them; 复盘)
//   indexedDbReviewStore()                        // evaluator notes and the like, by drill id
export { memoryBackend, NotWriterError, SAVED_VERSION, type DrillBackend, type Heartbeat, type QuarantinedDrill, type RawDrill, type SavedEntry, type SavedMeta } from './backend.ts';
export { indexedDbBackend, DB_NAME, DB_VERSION } from './idb.ts';
export { archivedDrill, indexedDbArchive, memoryArchive, type ArchivedDrill, type ArchivedDrillInfo, type DrillArchive } from './archive.ts';
export { indexedDbReviewStore, memoryReviewStore, type ReviewStore } from './review-store.ts';
export { exportReview, readReview, entriesToAdd, isReviewFile } from './review-file.ts';
export { recordSession, HEARTBEAT_MS, type Recording, type RecordOptions } from './recorder.ts';
export { restoreDrill, type Restored, type RestoreOptions, type RestoreProblem } from './saved.ts';
export { restoreNotice, unreadableFile } from './notice.ts';
export { createPersistence, importedOptions, reviewSource, type DiscardKind, type Persistence, type PersistenceOptions, type PersistState, type Resumed, type Shell } from './connect.ts';
export { createTabLock, CHANNEL_NAME, ELECTION_MS, LOCK_NAME, type ChannelLike, type LockManagerLike, type Role, type SharedDrill, type TabLock, type TabMessage } from './tab-lock.ts';
export { exportDrill, downloadText, importLog, importWithScenario, type BrokenChain, type ExportedDrill, type ImportedDrill, type LogImport, type PendingLog } from './log-io.ts';
export { SHIPPED, DEFAULT_SCENARIO, shippedByFile, type ShippedScenario, type ShippedFacts } from './scenarios.ts';
export { createPickerStore, type ChosenScenario, type PickedFile, type PickerState, type PickerStore, type PickerOptions } from './picker-state.ts';
