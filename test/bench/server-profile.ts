// Where a server process's time went: a V8 .cpuprofile (node --cpu-prof) summed by self time, per
// function and per source (the project's files, each package, node's internals, GC, idle).
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Which part of the code a frame is in: a project file, a package, node itself, or V8's pseudo-frames. */
function sourceOf(url: string, name: string): string {
  if (!url) return `(${name.replace(/[()]/g, '') || 'native'})`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:')) return 'node';
  const own = /\/(src\/.+)$/.exec(url);
  return own ? own[1]! : url;
}

const ms = (us: number) => Math.round(us / 1000);

/** The `top` hottest functions and sources by self time, as lines to print. */
export function hottest(file: string, top = 12): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const fns = new Map<string, number>();
  const sources = new Map<string, number>();
  let total = 0;
  let idle = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === '(idle)') {
      idle += dt;
      return;
    }
    total += dt;
    const source = sourceOf(url, functionName);
    const fn = `${functionName || '(anonymous)'} ${source}${url ? `:${lineNumber + 1}` : ''}`;
    fns.set(fn, (fns.get(fn) ?? 0) + dt);
    sources.set(source, (sources.get(source) ?? 0) + dt);
  });
  const list = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, us]) => `    ${String(ms(us)).padStart(7)} ms ${String(Math.round((us / total) * 100)).padStart(3)} %  ${k}`);
  return [`  busy ${ms(total)} ms, idle ${ms(idle)} ms; by source (self time):`, ...list(sources), '  by function (self time):', ...list(fns)].join('\n');
}
