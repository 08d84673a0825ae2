// @vitest-environment happy-dom
// Scenario text is untrusted: everything the authoring view shows of it — titles in the MSEL table and
// the preview, unit names, a problem's message quoting a key — is text, never markup.
import { describe, expect, it } from 'vitest';
import { minimal } from '../render.ts';
import { mountForTest } from './helpers.ts';

const HOSTILE = '<img src=x onerror="globalThis.pwned=1"><script>globalThis.pwned=2</script>';

describe('hostile scenario text in the authoring view', () => {
  it('shows a valid file’s text as text in the MSEL table, the unit captions and the preview', () => {
    const text = minimal()
      .replace('title: { zh: 房屋倒塌, en: Houses collapsed }', `title: { zh: '${HOSTILE}', en: x }`)
      .replace('name: { zh: 市消防救援支队, en: City fire and rescue detachment }', `name: { zh: '${HOSTILE}', en: y }`)
      .replace('name: { zh: 岔沟镇, en: Chagou }', `name: { zh: '${HOSTILE}', en: z }`);
    expect(text.split(HOSTILE).length).toBe(4);
    const t = mountForTest({ text });
    expect(t.container.querySelector('[data-author-problems]')).toBeNull();
    expect(t.container.querySelector('img, script, [onerror]')).toBeNull();
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
    const table = t.container.querySelector('[data-msel-unit="fire-rescue"]')!;
    expect(table.querySelector('caption')!.textContent).toBe(`接收单位：${HOSTILE}`);
    expect(table.querySelector('tbody td:nth-child(4)')!.textContent).toBe(HOSTILE);
    expect(t.container.querySelector('[data-settlement="chagou"] text')!.textContent).toBe(HOSTILE);
    expect(t.container.querySelector('[data-inject="collapse-report"]')!.textContent).toContain(HOSTILE);
  });

  it('shows a problem quoting hostile text as text', () => {
    const t = mountForTest({ text: minimal().replace('meta:\n', `meta:\n  "${HOSTILE.replace(/"/g, "'")}": 1\n`) });
    const list = t.container.querySelector('[data-author-problems]')!;
    expect(list).not.toBeNull();
    expect(list.textContent).toContain('<img');
    expect(t.container.querySelector('img, script, [onerror]')).toBeNull();
  });
});
