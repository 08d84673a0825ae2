import { beforeAll, describe, expect, it } from 'vitest';
import { quakeDrill, tempDir } from './helpers.ts';

/** One single choice of three options (the minimal example before the new decision kinds). */
const ONE_CHOICE = 'test/fixtures/dry-run/one-choice.yaml';

describe('quake-drill dry-run', () => {
  let en: Awaited<ReturnType<typeof quakeDrill>>;
  let zh: Awaited<ReturnType<typeof quakeDrill>>;
  let json: Awaited<ReturnType<typeof quakeDrill>>;

  beforeAll(async () => {
    en = await quakeDrill(['dry-run', ONE_CHOICE, '--seeds', '40', '--lang', 'en']);
    zh = await quakeDrill(['dry-run', ONE_CHOICE, '--seeds', '40', '--lang', 'zh']);
    json = await quakeDrill(['dry-run', ONE_CHOICE, '--seeds', '3', '--policy', 'plan,idle', '--json']);
  }, 120_000);

  it('prints the spread per policy, what never happened, and the warnings; exit 1 on a warning', () => {
    expect(en.code).toBe(1);
    expect(en.stdout).toMatch(/^Quake Drill — dry run: One-choice example$/m);
    expect(en.stdout).toMatch(/^40 run\(s\) per policy \(seeds 1–40\); overall score:$/m);
    expect(en.stdout).toMatch(/^ {2}Policy +p5 +p50 +p95 +min +max +correct$/m);
    for (const p of ['plan', 'late', 'random', 'longest']) expect(en.stdout).toMatch(new RegExp(`^ {2}${p} +(\\d+\\.\\d +){5}\\d+ %$`, 'm'));
    // Idle answers nothing: no correctness to show.
    expect(en.stdout).toMatch(/^ {2}idle +(0\.0 +){4}0\.0 +—$/m);
    // The example's longest option (等待进一步核实) is never the expected one.
    expect(en.stdout).toMatch(/^ {2}longest( +0\.0){5} +0 %$/m);
    expect(en.stdout).toContain('Injects never fired: none\nDecisions never opened: none\nWarnings:\n  [plan-like-random] scoring cannot tell plan from random');
  });

  it('speaks Chinese with --lang zh', () => {
    expect(zh.stdout).toMatch(/^震演 — 试运行：单选示例$/m);
    expect(zh.stdout).toContain('从未下达的注入：无');
    expect(zh.stdout).toContain('[plan-like-random] 评分分不清按预案作答与随机作答');
  });

  it('--json gives the report; --policy limits the policies; a clean run exits 0', () => {
    expect(json.code).toBe(0);
    const r = JSON.parse(json.stdout) as Record<string, unknown>;
    expect(r).toMatchObject({ scenario: ONE_CHOICE, scenarioId: 'dry-run-one-choice', runs: 3, firstSeed: 1, policies: ['plan', 'idle'], neverFired: [], neverReachable: [], warnings: [] });
    expect(Object.keys(r.spread as object)).toEqual(['plan', 'idle']);
  });

  it('wrong use: a bad --seeds or policy is exit 2; a broken scenario exit 1 at file:line:col', async () => {
    expect(await quakeDrill(['dry-run', ONE_CHOICE, '--seeds', '0'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--seeds takes a whole number from 1') });
    expect(await quakeDrill(['dry-run', ONE_CHOICE, '--policy', 'lucky'])).toMatchObject({ code: 2, stderr: expect.stringContaining("unknown policy 'lucky'") });
    const broken = tempDir().file('broken.yaml', 'format: quake-drill/scenario@1\nmeta: [\n');
    const r = await quakeDrill(['dry-run', broken]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/broken\.yaml:\d+:\d+: /);
  });
});
