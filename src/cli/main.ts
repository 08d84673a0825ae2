// src/cli — the `quake-drill` command line (Node only): validate, run and report.
import { basemap } from './basemap.ts';
import { compare } from './compare.ts';
import { dryRunCommand } from './dry-run.ts';
import { estimate } from './estimate.ts';
import { exportMsel, importMsel } from './msel.ts';
import { takeLang } from './lang.ts';
import { migrate } from './migrate.ts';
import { report } from './report.ts';
import { run } from './run.ts';
import { serve } from './serve.ts';
import { statechart } from './statechart.ts';
import { validate } from './validate.ts';
import { verify } from './verify.ts';

const USAGE = `usage: quake-drill <command> [options]

commands:
  validate <file…> [--json]   check scenario files; prints OK or file:line:col problems
  migrate <file…> [--check] [--out <folder>]
                              rewrite format v1 scenario files as v2 (the format line and
                              the outcome figures v1 implied), keeping comments and layout;
                              in place, the original kept as <file>.v1.bak, or into
                              --out; a file with problems is left untouched and they are
                              printed at file:line:col. --check only says which files
                              still need it (exit 1 when any does)
  run <scenario> [--seed N] [--policy plan|late|random|idle] [--out drill.jsonl] [--json]
                              play the scenario with bots in every seat and score it
                              (--out writes the drill log, replacing only an earlier drill
                              log, never the scenario or another file; --json prints the
                              scores as JSON)
  run <scenario> --runs N [--seed N] [--policy P,…] [--json]
                              play seeds N.. for each policy (default all four) and print
                              the p5 / p50 / p95 of the overall score per policy
  estimate <scenario> [--json] [--sigma N]
                              the loss estimate per place (SCIENCE.md §7.2): intensity,
                              degree, deaths, injuries, trapped, PAGER's central figure;
                              --sigma 1 for the +1σ field
  statechart <scenario> [--json] [--lang zh|en]
                              the command hierarchy statechart: its regions and states as a
                              tree (zh when the locale is zh), or with --json the machine's
                              config for the Stately visualiser (paste it in createMachine(…))
  report <drill.jsonl> [--format html|md|json|csv|pdf] [--kind evaluation|summary|aar]
         [--review <file>] [--out <file>] [--untrusted]
                              replay a drill log with its review record (x.review.jsonl
                              beside x.jsonl, or --review) and write the report: 演练评估报告
                              (evaluation, default), 演练总结报告 (summary) or the HSEEP
                              AAR/IP in English (aar); as one self-contained HTML page, md
                              (default), JSON (the report, with the scores as run --json
                              prints them under "scores"), one CSV row per decision, or a
                              PDF printed by the system Chromium (chromium or
                              chromium-browser on PATH, or $CHROMIUM; without one the HTML
                              is written beside instead). Output goes to stdout unless
                              --out (pdf: default <log>.<kind>.pdf). A record whose hash
                              chain breaks or whose scenario changed is refused unless
                              --untrusted (then read, and marked untrusted on every page)
  verify <drill.jsonl> [--json]
                              check a drill log's hash chain (全过程记录): prints OK with the
                              final hash, or the first line and entry where it breaks
  compare <a.jsonl> <b.jsonl> [--format md|json] [--untrusted]
                              two drills of one scenario on aligned scenario time: score
                              and outcome deltas (a − b) by unit, capability and decision,
                              and what the differences bought (a broken record is refused
                              unless --untrusted)
  import-msel <msel.xlsx|msel.csv> [--out skeleton.yaml]
                              a spreadsheet drill script (演练脚本: 环节, 阶段, T+, 注入内容,
                              注入方式, 接收单位, 问题, 期望行动; header row found by name)
                              to a scenario skeleton (nodes, injects, receiving units),
                              with each bad cell reported as file:row N; exit 1 if any
  export-msel <scenario> --out msel.xlsx|msel.csv
                              the scenario's injects as the same columns (CSV in UTF-8
                              with a BOM for Excel); an import-msel skeleton exports too
  dry-run <scenario> [--seeds 50] [--policy P,…] [--json]
                              play every policy (plan, late, random, idle, longest) over
                              the seeds: injects never fired, decisions never opened, the
                              score spread per policy and warnings when the scoring cannot
                              tell plan from random or option length gives the answer
                              away; exit 1 when it finds any of these
  serve [--port 8080] [--data ./drills] [--host 127.0.0.1] [--public-url URL]
                              a drill for a room (多席位): serves the app (building dist/
                              first when missing) and hosts drills over Socket.IO, kept
                              in SQLite under --data; prints the address and the host
                              link the facilitator opens to create a drill and hand out
                              the join links. --host 0.0.0.0 opens it to the LAN;
                              QUAKE_DRILL_SECRET signs the links (default: a secret kept
                              in <data>/secret.key); REDIS_URL shares drills between
                              processes

  basemap --from <file.geojson | package/path.geojson> --names <name,name…>
          [--simplify 0.002deg | 5%] --out scenarios/geo/<x>.geojson
                              cut the named areas (properties.name) out of a boundary
                              GeoJSON for a scenario's region.basemap: shared borders
                              simplified once so neighbours still meet (--simplify: a
                              tolerance in degrees, default 0.002deg, or a share of the
                              vertices to keep, 5% or 0.05), 4 decimals, only name and
                              cp kept; prints the vertices and bytes before and after and
                              adds a NOTICE.md stub beside the output

options of validate, migrate, run, estimate, report, verify, compare, serve, import-msel,
export-msel and dry-run:
  --lang zh|en                the language printed (default: zh when LC_ALL, LC_MESSAGES
                              or LANG starts with zh, else en)

exit status: 0 all good, 1 problems found, 2 wrong usage`;

/** The commands that take the shared `--lang zh|en` (statechart reads its own). */
const SPEAKING = { validate, migrate, run, report, estimate, verify, compare, serve, 'import-msel': importMsel, 'export-msel': exportMsel, 'dry-run': dryRunCommand } as const;

export async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  switch (command) {
    case 'validate':
    case 'migrate':
    case 'run':
    case 'report':
    case 'estimate':
    case 'verify':
    case 'compare':
    case 'serve':
    case 'import-msel':
    case 'export-msel':
    case 'dry-run': {
      const taken = takeLang(rest);
      if ('error' in taken) {
        console.error(`quake-drill ${command}: ${taken.error}\n\n${USAGE}`);
        return 2;
      }
      return SPEAKING[command](taken.rest, taken.lang);
    }
    case 'statechart':
      return statechart(rest);
    case 'basemap':
      return basemap(rest);
    case undefined: case '-h': case '--help': case 'help':
      console.log(USAGE);
      return command === undefined ? 2 : 0;
    default:
      console.error(`quake-drill: unknown command '${command}'\n\n${USAGE}`);
      return 2;
  }
}
