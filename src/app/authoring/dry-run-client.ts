// The page's side of the dry-run worker (dry-run.worker.ts): one worker per run, ended when it answers.
import type { DryRunReport } from '../../review/dry-run.ts';
import { DRY_RUN_SEEDS } from './state.ts';

export interface DryRunRequest {
  text: string;
  file: string;
  seeds: number;
}

export type DryRunReply = { ok: true; report: DryRunReport } | { ok: false; reason: string };

export function dryRunInWorker(text: string, file: string): Promise<DryRunReport> {
  return new Promise((resolve, reject) => {
    // Vite bundles the worker from this pattern (new URL(…, import.meta.url)) as its own module chunk.
    const worker = new Worker(new URL('./dry-run.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<DryRunReply>) => {
      worker.terminate();
      if (e.data.ok) resolve(e.data.report);
      else reject(new Error(e.data.reason));
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message || 'the dry run stopped'));
    };
    worker.postMessage({ text, file, seeds: DRY_RUN_SEEDS } satisfies DryRunRequest);
  });
}
