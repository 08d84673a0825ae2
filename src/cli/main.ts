// src/cli — the `quake-drill` command line (Node only): validate, and later run and report.
import { validate } from './validate.ts';

const USAGE = `usage: quake-drill <command> [options]

commands:
  validate <file…> [--json]   check scenario files; prints OK or file:line:col problems

exit status: 0 all good, 1 problems found, 2 wrong usage`;

export async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  switch (command) {
    case 'validate':
      return validate(rest);
    case undefined: case '-h': case '--help': case 'help':
      console.log(USAGE);
      return command === undefined ? 2 : 0;
    default:
      console.error(`quake-drill: unknown command '${command}'\n\n${USAGE}`);
      return 2;
  }
}
