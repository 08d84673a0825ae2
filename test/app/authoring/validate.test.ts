// @vitest-environment happy-dom
// Live validation in the authoring view: the loader the CLI uses checks the text once typing pauses;
// a broken file lists its problem at the right line (in Chinese, with the place to jump to), the
// editor is told, and fixing it clears the list.
import { describe, expect, it } from 'vitest';
import { getByRole, within } from '@testing-library/dom';
import { problemRange } from '../../../src/app/authoring/validate.ts';
import { minimal } from '../render.ts';
import { mountForTest } from './helpers.ts';

/** The 1-based number of the first line containing `needle` (found by reading the file, not by the loader). */
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('the authoring view checks the text as it is typed', () => {
  it('lists a broken magnitude at its line, and fixing it clears the list', () => {
    const good = minimal();
    const t = mountForTest({ text: good });
    const status = () => t.container.querySelector('[data-author-status]')!.textContent!.trim();
    expect(status()).toBe('文件有效');
    expect(t.container.querySelector('[data-author-problems]')).toBeNull();

    const broken = good.replace('magnitude: 5.8', 'magnitude: big');
    expect(broken).not.toBe(good);
    t.type(broken);
    // Typing alone does not check: the check waits for the pause.
    expect(status()).toBe('正在检查…');
    t.settle();

    const list = t.container.querySelector<HTMLElement>('[data-author-problems]')!;
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(1);
    const line = lineOf(broken, 'magnitude: big');
    expect(line).toBeGreaterThan(1);
    expect(items[0]!.getAttribute('data-line')).toBe(String(line));
    expect(items[0]!.textContent).toContain(`test.yaml:${line}:`);
    expect(status()).toBe('发现 1 处问题');
    expect(t.textarea().getAttribute('aria-invalid')).toBe('true');
    // The play button is only for a valid file (none offered here: no play hook); the dry run neither.

    // A click on the place puts the cursor at the start of the value on that line.
    const jump = getByRole(list, 'button', { name: new RegExp(`跳到第 ${line} 行`) });
    jump.click();
    const at = t.textarea().selectionStart;
    expect(broken.slice(at).startsWith('big')).toBe(true);

    t.type(good);
    t.settle();
    expect(t.container.querySelector('[data-author-problems]')).toBeNull();
    expect(status()).toBe('文件有效');
    expect(t.textarea().getAttribute('aria-invalid')).toBe('false');
  });

  it('words the problems in English in the English interface', () => {
    const broken = minimal().replace(/^format: .*$/m, 'format: quake-drill/scenario@9');
    const t = mountForTest({ text: broken, lang: 'en' });
    const items = t.container.querySelectorAll('[data-author-problems] li');
    expect(items).toHaveLength(1);
    expect(items[0]!.getAttribute('data-line')).toBe(String(lineOf(broken, 'format:')));
    expect(items[0]!.textContent).toMatch(/format version 9/);
  });
});

describe('problemRange (the marked span of a problem)', () => {
  const text = 'ab\ncdef\n\nxyz';
  it('runs from the column to the end of the line', () => {
    // line 2 is "cdef", starting at offset 3; column 2 is "d" (offset 4); the line ends at offset 7.
    expect(problemRange(text, 2, 2)).toEqual({ from: 4, to: 7 });
  });
  it('marks one character on an empty line, and clamps past the end', () => {
    // line 3 is empty, at offset 8 (its newline): one character.
    expect(problemRange(text, 3, 1)).toEqual({ from: 8, to: 9 });
    // line 9 does not exist: the end of the text (length 12), nothing to mark past it.
    expect(problemRange(text, 9, 1)).toEqual({ from: 12, to: 12 });
  });
});
