// One table per kind family (src/scenario/kinds.ts): every kind has its names and its map symbol in
// both languages, dispatch names only capabilities that exist, and no message renders "undefined".
import { describe, expect, it } from 'vitest';
import { messages, t } from '../../src/app/i18n.ts';
import { FACILITY_FAMILY } from '../../src/app/map/symbols.ts';
import { CAPABILITY_TABLE, FACILITY_KIND_TABLE, HANDLED_BY, INCIDENT_KIND_TABLE, KIND_TABLES, kindName, kindsThat } from '../../src/scenario/kinds.ts';
import { FACILITY_KINDS, INCIDENT_KINDS, TEAM_CAPABILITIES } from '../../src/scenario/schema.ts';
import { positionOf, problemsOf, replaced } from './helpers.ts';
import { scenario } from '../core/test-drill.ts';

describe('the kind tables', () => {
  it('give every kind of every family a Chinese and an English name and glyph', () => {
    for (const [family, table] of Object.entries(KIND_TABLES)) {
      for (const [kind, entry] of Object.entries(table) as [string, { name: Record<string, string>; glyph: Record<string, string> }][]) {
        for (const lang of ['zh', 'en']) {
          expect(entry.name[lang], `${family} ${kind} name.${lang}`).toMatch(/\S/);
          expect(entry.glyph[lang], `${family} ${kind} glyph.${lang}`).toMatch(/\S/);
        }
      }
    }
  });

  it('put every facility kind in a GB/T 35649 family, and dispatch only to capabilities that exist', () => {
    for (const kind of FACILITY_KINDS) expect(['hazard', 'protected', 'resource'], kind).toContain(FACILITY_KIND_TABLE[kind].family);
    for (const kind of INCIDENT_KINDS) for (const c of HANDLED_BY[kind]) expect(TEAM_CAPABILITIES, `${kind} → ${c}`).toContain(c);
  });

  it('are where the schema enums come from, in the order written', () => {
    expect(INCIDENT_KINDS).toEqual(Object.keys(INCIDENT_KIND_TABLE));
    expect(FACILITY_KINDS).toEqual(Object.keys(FACILITY_KIND_TABLE));
    expect(TEAM_CAPABILITIES).toEqual(Object.keys(CAPABILITY_TABLE));
  });

  it('hold the kinds a mountain region needs', () => {
    expect(FACILITY_KIND_TABLE['gas-pipeline'].family).toBe('hazard');
    expect(FACILITY_KIND_TABLE['gate-station'].family).toBe('hazard');
    expect(FACILITY_KIND_TABLE.mine.family).toBe('hazard');
    expect(FACILITY_KIND_TABLE['care-home'].family).toBe('protected');
    expect(HANDLED_BY['dammed-lake']).toEqual(['engineering', 'monitoring']);
    // People trapped in a mine are `trapped` at a mine: mine rescue digs them out as USAR does.
    expect(HANDLED_BY.trapped).toEqual(['usar', 'mine-rescue']);
    expect(kindName('incident', 'dammed-lake', 'zh')).toBe('堰塞湖');
    expect(kindName('capability', 'mine-rescue', 'en')).toBe('Mine rescue');
  });

  it('name the engine behaviour per kind: what grows, what is an outage, what blocks roads, what is rubble', () => {
    expect([...kindsThat('grows')].sort()).toEqual(['chemical-leak', 'fire', 'gas-leak']);
    expect([...kindsThat('outage')].sort()).toEqual(['hospital-power', 'power-outage', 'telecom-outage', 'water-outage']);
    expect([...kindsThat('blocks-roads')].sort()).toEqual(['bridge-damage', 'landslide', 'road-blocked']);
    expect([...kindsThat('rubble')].sort()).toEqual(['collapse', 'trapped']);
  });

  it('draw each facility kind in the family the table names', () => {
    expect(FACILITY_FAMILY['care-home']).toBe('protected');
    expect(FACILITY_FAMILY['gate-station']).toBe('hazard');
  });
});

describe('the messages', () => {
  it('name and draw every kind in both languages', () => {
    expect(t('zh', 'map.incident.dammed-lake')).toBe('堰塞湖');
    expect(t('en', 'map.facility.care-home')).toBe('Care home');
    expect(t('zh', 'map.glyph.facility.gas-pipeline')).toBe('管');
    expect(t('en', 'map.glyph.team.mine-rescue')).toBe('MR');
    for (const lang of ['zh', 'en'] as const) {
      for (const k of INCIDENT_KINDS) expect(t(lang, `map.incident.${k}`), k).toBe(INCIDENT_KIND_TABLE[k].name[lang]);
      for (const k of FACILITY_KINDS) expect(t(lang, `map.glyph.facility.${k}`), k).toBe(FACILITY_KIND_TABLE[k].glyph[lang]);
      for (const k of TEAM_CAPABILITIES) expect(t(lang, `map.glyph.team.${k}`), k).toBe(CAPABILITY_TABLE[k].glyph[lang]);
    }
  });

  it('never render "undefined" or an empty string, in either language', () => {
    for (const lang of ['zh', 'en'] as const) {
      for (const [key, value] of Object.entries(messages[lang])) {
        expect(typeof value, key).toBe('string');
        expect(value, key).toMatch(/\S/);
        expect(value, key).not.toMatch(/undefined/);
      }
    }
  });
});

describe('a scenario with the new kinds', () => {
  it('loads: a gas gate station, a care home, a mine rescue team and a dammed lake', () => {
    const text = replaced(
      'organisation:\n',
      `  facilities:
    - { id: gate, name: { zh: 城东门站, en: East gate station }, kind: gate-station, lat: 40.71, lon: 122.86 }
    - { id: care, name: { zh: 岔沟养老院, en: Chagou care home }, kind: care-home, lat: 40.70, lon: 122.84 }
organisation:
`,
      replaced('          capabilities: [usar, fire]\n', '          capabilities: [usar, fire, mine-rescue]\n', replaced('      kind: collapse\n', '      kind: dammed-lake\n')),
    );
    const s = scenario('new-kinds.yaml', text);
    expect(s.region.facilities.map((f) => f.kind)).toEqual(['gate-station', 'care-home']);
    expect(s.injects[0]!.incident!.kind).toBe('dammed-lake');
  });

  it('refuses a kind the tables do not hold, saying where', () => {
    const text = replaced('      kind: collapse\n', '      kind: mine-trapped\n');
    const problems = problemsOf(text);
    expect(problems[0]!.message).toMatch(/"mine-trapped" is not allowed here; expected .*'dammed-lake'/);
    expect(problems[0]).toMatchObject(positionOf(text, 'mine-trapped'));
  });
});
