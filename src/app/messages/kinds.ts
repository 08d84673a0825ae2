// The names and glyphs of the format's kinds (incident and facility names and glyphs, team glyphs), in both
// languages, derived from the kind tables (src/scenario/kinds.ts): adding a kind there adds its
// messages here, so no symbol or name can be missing (or render "undefined") in either language.
import { CAPABILITY_TABLE, FACILITY_KIND_TABLE, INCIDENT_KIND_TABLE, type Words } from '../../scenario/kinds.ts';

type Lang = keyof Words;
/** `{ 'prefix.kind': words[lang] }` for every kind of a table, typed key by key. */
type Keyed<P extends string, K extends string> = { readonly [k in K as `${P}.${k}`]: string };

function keyed<P extends string, K extends string>(prefix: P, table: Record<K, Record<'name' | 'glyph', Words>>, field: 'name' | 'glyph', lang: Lang): Keyed<P, K> {
  return Object.fromEntries(Object.entries<Record<'name' | 'glyph', Words>>(table).map(([kind, entry]) => [`${prefix}.${kind}`, entry[field][lang]])) as Keyed<P, K>;
}

const inLanguage = (lang: Lang) => ({
  ...keyed('map.incident', INCIDENT_KIND_TABLE, 'name', lang),
  ...keyed('map.glyph.incident', INCIDENT_KIND_TABLE, 'glyph', lang),
  ...keyed('map.facility', FACILITY_KIND_TABLE, 'name', lang),
  ...keyed('map.glyph.facility', FACILITY_KIND_TABLE, 'glyph', lang),
  ...keyed('map.glyph.team', CAPABILITY_TABLE, 'glyph', lang),
});

export const zh = inLanguage('zh');
export const en: Record<keyof typeof zh, string> = inLanguage('en');
