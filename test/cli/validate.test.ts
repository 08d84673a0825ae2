import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { minimal, positionOf, replaced } from '../scenario/helpers.ts';
import { quakeDrill as command, tempDir } from './helpers.ts';

/** `quake-drill validate …` and the rest, in-process (helpers.ts): its exit code and output. */
const quakeDrill = (...args: string[]) => command(args);

const { dir, file } = tempDir();

describe('quake-drill validate', () => {
  it('prints OK for each valid file and exits 0', async () => {
    const good = file('good.yaml', minimal());
    const { code, stdout } = await quakeDrill('validate', good, good);
    expect(code).toBe(0);
    expect(stdout).toBe(`OK ${good}\nOK ${good}\n`);
  });

  it('prints file:line:col problems with the hint on the next line, and exits 1', async () => {
    const text = replaced('owner: fire-rescue', 'owner: fire-brigade');
    const bad = file('bad.yaml', text);
    const { line, column } = positionOf(text, 'fire-brigade');
    const { code, stdout } = await quakeDrill('validate', bad);
    expect(code).toBe(1);
    expect(stdout).toBe(`${bad}:${line}:${column}: unknown unit or working group or county HQ or HQ 'fire-brigade'\n  hint: did you mean 'fire-rescue'?\n`);
  });

  it('exits 1 when any one of several files is bad, and still reports the good ones', async () => {
    const { code, stdout } = await quakeDrill('validate', file('ok.yaml', minimal()), file('dup.yaml', 'a: 1\na: 2\n'));
    expect(code).toBe(1);
    expect(stdout).toMatch(/^OK .*ok\.yaml\n.*dup\.yaml:2:1: this key appears twice/);
  });

  it('--json prints the problems as JSON', async () => {
    const { code, stdout } = await quakeDrill('validate', '--json', file('typo.yaml', replaced('  magnitude: 5.8', '  magnitud: 5.8')));
    expect(code).toBe(1);
    const out = JSON.parse(stdout);
    expect(out.ok).toBe(false);
    expect(out.files[0].problems).toContainEqual(expect.objectContaining({ rule: 'unknown-field', path: ['earthquake', 'magnitud'], hint: "did you mean 'magnitude'?" }));
  });

  it('a missing file is a positioned problem, not a stack trace', async () => {
    const { code, stdout, stderr } = await quakeDrill('validate', join(dir, 'nope.yaml'));
    expect(code).toBe(1);
    expect(stdout).toMatch(/nope\.yaml:1:1: cannot read the file: ENOENT/);
    expect(stderr).toBe('');
  });

  it('wrong usage exits 2 with the usage', async () => {
    expect((await quakeDrill('validate')).code).toBe(2);
    expect((await quakeDrill('frobnicate')).stderr).toMatch(/unknown command 'frobnicate'/);
  });
});
