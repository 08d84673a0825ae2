// The picker on a page, as the app draws it: persistence over a memory backend, the shipped minimal
// scenario and the given archive, redrawn on every change of its state; removed by `cleanups`.
import { render } from 'lit-html';
import { createPersistence, memoryBackend, shippedByFile, type DrillBackend } from '../../../src/app/persist/index.ts';
import type { DrillArchive } from '../../../src/app/persist/archive.ts';
import { pickerView } from '../../../src/app/views/picker.ts';
import { fakeApp, FILE, manualClock } from './helpers.ts';

export function pickerPage(archive: DrillArchive, cleanups: (() => void)[], more: { backend?: DrillBackend; download?: (name: string, text: string) => void } = {}) {
  const p = createPersistence({ clock: manualClock(), backend: more.backend ?? memoryBackend(), shipped: [shippedByFile(FILE)!], archive, download: more.download });
  const { app, calls } = fakeApp(p.onSession);
  const picker = p.picker(app);
  const container = document.body.appendChild(document.createElement('div'));
  const draw = () => render(pickerView({ lang: 'zh', scenarios: [], state: picker.getState() }), container);
  draw();
  cleanups.push(picker.subscribe(draw), () => container.remove());
  return { p, app, calls, picker, container };
}
