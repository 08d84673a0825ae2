import { describe, expect, it } from 'vitest';
import { intensityRoman, romanNumeral } from '../../src/hazard/roman.ts';

describe('Roman numerals for intensity', () => {
  it('writes the degree a continuous intensity falls in (floor, like the zones)', () => {
    expect(intensityRoman(7)).toBe('VII');
    expect(intensityRoman(7.7)).toBe('VII');
    expect(intensityRoman(6.99)).toBe('VI');
    expect(intensityRoman(9.2)).toBe('IX');
    expect(intensityRoman(4.5)).toBe('IV');
  });

  it('clamps to I…XII', () => {
    expect(intensityRoman(0.3)).toBe('I');
    expect(intensityRoman(-2)).toBe('I');
    expect(intensityRoman(13.4)).toBe('XII');
  });

  it('writes every whole degree and refuses others', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map(romanNumeral).join(' ')).toBe('I II III IV V VI VII VIII IX X XI XII');
    expect(() => romanNumeral(0)).toThrow(RangeError);
    expect(() => romanNumeral(6.5)).toThrow(RangeError);
  });
});
