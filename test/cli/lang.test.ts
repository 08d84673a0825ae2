// The CLI's language: --lang zh|en for validate, run, estimate and report; without it, Chinese when
// the locale says so (LC_ALL, then LC_MESSAGES, then LANG starting with zh), English otherwise.
import { describe, expect, it } from 'vitest';
import { takeLang } from '../../src/cli/lang.ts';
import { quakeDrill, MINIMAL } from './helpers.ts';

describe('the CLI’s language', () => {
  it('follows --lang, then the locale, else English', () => {
    expect(takeLang(['a.yaml', '--lang', 'zh'], {})).toEqual({ lang: 'zh', rest: ['a.yaml'] });
    expect(takeLang(['--lang=en', 'a.yaml'], { LANG: 'zh_CN.UTF-8' })).toEqual({ lang: 'en', rest: ['a.yaml'] });
    expect(takeLang(['a.yaml'], { LANG: 'zh_CN.UTF-8' })).toEqual({ lang: 'zh', rest: ['a.yaml'] });
    expect(takeLang(['a.yaml'], { LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' })).toEqual({ lang: 'en', rest: ['a.yaml'] });
    expect(takeLang(['a.yaml'], { LANG: 'C.UTF-8' })).toEqual({ lang: 'en', rest: ['a.yaml'] });
    expect(takeLang(['--lang', 'fr'], {})).toEqual({ error: "--lang takes zh or en, not 'fr'" });
  });

  it('validate says OK in Chinese, and a wrong --lang is wrong usage', async () => {
    expect((await quakeDrill(['validate', MINIMAL, '--lang', 'zh'])).stdout.trim()).toBe(`通过 ${MINIMAL}`);
    expect((await quakeDrill(['validate', MINIMAL, '--lang', 'en'])).stdout.trim()).toBe(`OK ${MINIMAL}`);
    expect((await quakeDrill(['validate', MINIMAL, '--lang', 'fr'])).code).toBe(2);
  });

  it('estimate prints Chinese, with whole people', async () => {
    const r = await quakeDrill(['estimate', 'scenarios/haicheng-m5.8.yaml', '--lang', 'zh']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('震演 — 灾情估算');
    expect(r.stdout).toContain('按预案分级标准（死亡人数）：III 级响应');
    expect(r.stdout).not.toMatch(/\b\d+\.\d\b\s+\d/); // no 14.8 deaths in the table
  });
});
