// The words for a hovered or selected map item: a title and a few lines, in the map's language.
import { intensityRoman } from '../../hazard/index.ts';
import { scenarioTime } from '../format.ts';
import { htmlLang, t, type MessageKey } from '../i18n.ts';
import type { Hit } from './hit-test.ts';
import type { MapViewModel } from './view-model.ts';

export interface Description {
  title: string;
  lines: string[];
}

/**
 * The map's accessible name: what a sighted user takes in at a glance — the scenario time, how many
 * incidents (and how many still out of control), how many teams are moving or working — and where
 * to read them one by one (the incident list beside the map).
 */
export function describeMap(vm: MapViewModel): string {
  const teams = vm.teams.reduce((n, x) => n + x.teams.length, 0);
  const active = vm.incidents.filter((i) => i.status === 'reported' || i.status === 'escalating').length;
  return t(vm.lang, 'access.map.summary', { time: scenarioTime(vm.scenarioMs), incidents: vm.incidents.length, active, teams });
}

export function describeHit(vm: MapViewModel, hit: Hit): Description {
  const lang = vm.lang;
  const m = (key: string, vars?: Record<string, string | number>) => t(lang, key as MessageKey, vars);
  const count = (n: number) => new Intl.NumberFormat(htmlLang(lang)).format(n);
  switch (hit.kind) {
    case 'incident': {
      const i = hit.item;
      const lines = [
        `${m(`map.incident.${i.incidentKind}`)} · ${m('map.tip.status', { status: m(`map.status.${i.status}`) })}${i.pulse ? ` · ${m('map.tip.new')}` : ''}`,
        m('map.tip.severity', { n: i.severity }),
        m('map.tip.appeared', { time: scenarioTime(i.appearedMs) }),
      ];
      if (i.trapped > 0) lines.push(m('map.tip.trapped', { n: count(i.trapped) }));
      if (i.displaced > 0) lines.push(m('map.tip.displaced', { n: count(i.displaced) }));
      return { title: i.name, lines };
    }
    case 'team': {
      const x = hit.item;
      const lines = [m(`map.teamStatus.${x.status}`) + (x.teams.length > 1 ? ` · ${m('map.tip.teams', { n: x.teams.length })}` : ''), x.unitNames.join(m('map.tip.separator')), m('map.tip.target', { name: x.targetName })];
      if (x.status === 'en-route' && x.departMs !== undefined) lines.push(m('map.tip.departed', { time: scenarioTime(x.departMs) }));
      if (x.status === 'en-route' && x.arriveMs !== undefined) lines.push(m('map.tip.eta', { time: scenarioTime(x.arriveMs) }));
      return { title: x.name, lines };
    }
    case 'facility':
    case 'base': {
      const f = hit.item;
      const lines = hit.kind === 'facility' ? [m(`map.facility.${hit.item.facilityKind}`) + ` · ${m(`map.family.${hit.item.family}`)}`] : [m('map.family.resource')];
      if (f.units.length > 0) lines.push(m('map.tip.units', { names: f.units.join(m('map.tip.separator')) }));
      if (hit.kind === 'facility' && hit.item.approximate) lines.push(m('map.tip.approximate'));
      return { title: f.name, lines };
    }
    case 'epicentre':
      return { title: hit.item.name, lines: [m('map.legend.epicentre'), m('map.tip.epicentre', { m: hit.item.magnitude, km: hit.item.depthKm })] };
    case 'settlement': {
      const s = hit.item;
      const lines = [m('map.tip.population', { n: count(s.population) }), m('map.tip.intensity', { roman: intensityRoman(s.intensity), value: s.intensity.toFixed(1) })];
      if (s.approximate) lines.push(m('map.tip.approximate'));
      return { title: s.name, lines };
    }
    case 'route': {
      const r = hit.item;
      const lines = [m(`map.route.${r.routeKind}`)];
      if (r.state !== 'open') lines.push(m(`map.route.${r.state}`));
      return { title: r.name, lines };
    }
    case 'county':
      return { title: hit.item.name, lines: [m('map.tip.county')] };
  }
}
