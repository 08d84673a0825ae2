// GB/T 35649-2017 symbol families (STANDARDS.md): incidents red rounded frames, hazard sources
// yellow, protected targets blue, response resources green square frames.
import { describe, expect, it } from 'vitest';
import { FACILITY_KINDS } from '../../../src/scenario/schema.ts';
import { FACILITY_FAMILY, FAMILIES } from '../../../src/app/map/symbols.ts';
import { playedFor, viewOf } from './helpers.ts';

const RED = 0xd7191c;
const YELLOW = 0xf2c400;
const BLUE = 0x1f5fbf;
const GREEN = 0x1a9641;

describe('map symbols by GB/T 35649 family', () => {
  const vm = viewOf(playedFor(10));
  const facility = (kind: string) => vm.static.facilities.find((f) => f.facilityKind === kind)!;

  it('draws a chemical plant as a yellow square (B, hazard source)', () => {
    expect(facility('chemical-plant')).toMatchObject({ family: 'hazard', color: YELLOW, frame: 'square', glyph: '化' });
    for (const kind of ['reservoir', 'mine'] as const) expect(facility(kind)).toMatchObject({ family: 'hazard', color: YELLOW, frame: 'square' });
  });

  it('draws a school as a blue square (C, protected target), and hospitals, lifelines and bridges too', () => {
    expect(facility('school')).toMatchObject({ family: 'protected', color: BLUE, frame: 'square', glyph: '校' });
    for (const kind of ['hospital', 'substation', 'telecom-hub', 'water-plant', 'bridge'] as const) expect(facility(kind)).toMatchObject({ family: 'protected', color: BLUE });
  });

  it('draws a shelter as a green square (D, response resource), and command posts and stores too', () => {
    expect(facility('shelter')).toMatchObject({ family: 'resource', color: GREEN, frame: 'square', glyph: '避' });
    for (const kind of ['command-post', 'store'] as const) expect(facility(kind)).toMatchObject({ family: 'resource', color: GREEN });
  });

  it('draws an incident as a red rounded frame (A), unit bases and teams green', () => {
    expect(vm.incidents.length).toBeGreaterThan(0);
    for (const i of vm.incidents) expect(i).toMatchObject({ family: 'incident', color: RED, frame: 'rounded' });
    expect(vm.static.bases.length).toBeGreaterThan(0);
    for (const b of vm.static.bases) expect(b).toMatchObject({ family: 'resource', color: GREEN, frame: 'square' });
    for (const t of vm.teams) expect(t).toMatchObject({ color: GREEN, frame: 'square' });
  });

  it('gives every facility kind of the format a family', () => {
    for (const kind of FACILITY_KINDS) expect(Object.keys(FAMILIES)).toContain(FACILITY_FAMILY[kind]);
    expect(FAMILIES).toMatchObject({ incident: { color: RED, frame: 'rounded', code: 'A' }, hazard: { code: 'B' }, protected: { code: 'C' }, resource: { code: 'D' } });
  });

  it('names the four families and the intensity degrees in the legend, in the chosen language', () => {
    expect(vm.static.legend.families.map((f) => f.label)).toEqual(['突发事件', '危险源', '防护目标', '应急保障资源']);
    expect(vm.static.legend.intensity.map((i) => i.label)).toEqual(['VII 度', 'VI 度', 'V 度']);
    const en = viewOf(playedFor(10), { lang: 'en' });
    expect(en.static.legend.families.map((f) => f.label)).toEqual(['Incidents', 'Hazard sources', 'Protected targets', 'Response resources']);
    expect(en.static.legend.intensity.map((i) => i.roman)).toEqual(['VII', 'VI', 'V']);
    expect(en.static.facilities.find((f) => f.facilityKind === 'school')!.glyph).toBe('SC');
  });
});
