// The interface dictionary: both languages complete, placeholders kept, scenario text picked.
import { describe, expect, it } from 'vitest';
import { LANGS, messages, pick, t, type MessageKey } from '../../src/app/i18n.ts';

const keys = Object.keys(messages.zh) as MessageKey[];
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the interface dictionary', () => {
  it('has every key, non-empty, in every language', () => {
    for (const lang of LANGS) {
      expect(Object.keys(messages[lang]).sort(), lang).toEqual([...keys].sort());
      for (const key of keys) expect(messages[lang][key].trim(), `${lang} ${key}`).not.toBe('');
    }
  });

  it('uses the same placeholders in every language', () => {
    for (const key of keys) expect(placeholders(messages.en[key]), key).toEqual(placeholders(messages.zh[key]));
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('zh', 'quake.depthValue', { km: 10 })).toBe('10 千米');
    expect(t('en', 'quake.depthValue', { km: 10 })).toBe('10 km');
    expect(t('en', 'quake.depthValue')).toBe('{km} km');
  });

  it('picks scenario text in the chosen language, falling back to Chinese', () => {
    expect(pick('zh', { zh: '海城', en: 'Haicheng' })).toBe('海城');
    expect(pick('en', { zh: '海城', en: 'Haicheng' })).toBe('Haicheng');
    expect(pick('en', { zh: '海城' })).toBe('海城');
  });
});
