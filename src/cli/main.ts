// src/cli — the `quake-drill` command line (Node only): validate, run and report.
import { estimate } from './estimate.ts';
import { takeLang } from './lang.ts';
import { report } from './report.ts';
import { run } from './run.ts';
import { statechart } from './statechart.ts';
import { validate } from './validate.ts';

const USAGE = `usage: quake-drill <command> [options]

commands:
  validate <file…> [--json]   check scenario files; prints OK or file:line:col problems
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
  report <drill.jsonl> [--format md|json|csv]
                              replay a drill log and print its after-action report (md),
                              the scores as JSON (as run --json), or one CSV row per decision

options of validate, run, estimate and report:
  --lang zh|en                the language printed (default: zh when LC_ALL, LC_MESSAGES
                              or LANG starts with zh, else en)

exit status: 0 all good, 1 problems found, 2 wrong usage`;

/** The commands that take the shared `--lang zh|en` (statechart reads its own). */
const SPEAKING = { validate, run, report, estimate } as const;

export async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  switch (command) {
    case 'validate':
    case 'run':
    case 'report':
    case 'estimate': {
      const taken = takeLang(rest);
      if ('error' in taken) {
        console.error(`quake-drill ${command}: ${taken.error}\n\n${USAGE}`);
        return 2;
      }
      return SPEAKING[command](taken.rest, taken.lang);
    }
    case 'statechart':
      return statechart(rest);
    case undefined: case '-h': case '--help': case 'help':
      console.log(USAGE);
      return command === undefined ? 2 : 0;
    default:
      console.error(`quake-drill: unknown command '${command}'\n\n${USAGE}`);
      return 2;
  }
}
