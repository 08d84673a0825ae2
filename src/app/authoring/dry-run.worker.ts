// The authoring view's dry run off the main thread: tens of whole drills take seconds, which would
// freeze the editor. The text is loaded here again (a scenario object does not cross to a worker).
import { dryRun } from '../../review/dry-run.ts';
import { formatProblem, loadScenario } from '../../scenario/index.ts';
import type { DryRunRequest, DryRunReply } from './dry-run-client.ts';

self.onmessage = (e: MessageEvent<DryRunRequest>) => {
  const { text, file, seeds } = e.data;
  let reply: DryRunReply;
  try {
    const loaded = loadScenario(text, file);
    reply = loaded.ok ? { ok: true, report: dryRun(loaded.scenario, { seeds }) } : { ok: false, reason: formatProblem(loaded.problems[0]!) };
  } catch (err) {
    reply = { ok: false, reason: err instanceof Error ? err.message : String(err) };
  }
  self.postMessage(reply);
};
